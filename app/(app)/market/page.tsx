import { comingSoonPage } from '@/components/ui/coming-soon';

const page = comingSoonPage('market');
export const generateMetadata = page.generateMetadata;
export default page.Page;
