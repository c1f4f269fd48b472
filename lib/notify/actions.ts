'use server';
import { action } from '@/lib/core/action';
import { markReadSchema } from './schemas';
import { markMyNotificationsRead } from './service';

export const markNotificationsReadAction = action(markReadSchema, (input, { viewer }) => markMyNotificationsRead(viewer, input.ids));
