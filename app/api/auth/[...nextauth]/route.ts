import { handlers } from '@/lib/core/auth';

export const { GET, POST } = handlers;
