import { comingSoonPage } from '@/components/ui/coming-soon';

const page = comingSoonPage('feed');
export const generateMetadata = page.generateMetadata;
export default page.Page;
