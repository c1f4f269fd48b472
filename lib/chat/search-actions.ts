'use server';
import { action } from '@/lib/core/action';
import { searchSchema } from './schemas';
import { searchMessages } from './search';

export const searchMessagesAction = action(searchSchema, (input, { viewer }) => searchMessages(viewer, input));
