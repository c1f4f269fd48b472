import 'server-only';
import { registerImageUsage } from '@/lib/media';
import { photosInUse } from './db';
import './payments';

/** Chat's part in background work: the worker loads this module so photos stay and cards move. */
registerImageUsage(['chat'], async (ids) => new Set(await photosInUse(ids)));
