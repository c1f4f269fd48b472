import 'server-only';
import { registerImageUsage } from '@/lib/media';
import { photosInUse } from './db';

/** The feed's part in background work; the worker loads this module so it registers. */
registerImageUsage(['post'], photosInUse);
