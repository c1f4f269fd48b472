import { authRoutes } from '@/lib/core/auth';

export const { GET, POST } = authRoutes;
