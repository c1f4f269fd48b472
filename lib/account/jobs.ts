import 'server-only';
import { registerImageUsage } from '@/lib/media';
import { profileImagesInUse } from './db';

/** The account domain's part in background work; the worker loads this module so it registers. */
registerImageUsage(['avatar', 'cover'], profileImagesInUse);
