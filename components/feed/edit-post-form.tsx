'use client';
import { useTranslations } from 'next-intl';
import { TextAreaField, TextField } from '@/components/ui/field';
import { useActionForm } from '@/components/ui/use-action-form';
import { editPostAction } from '@/lib/feed/actions';
import { maxPostLength, type PostDto } from '@/lib/feed/client';
import { AudienceSelect } from './audience-select';
import { FormFooter } from './form-footer';

export function EditPostForm({ post, onDone }: { post: PostDto; onDone: (saved: { body: string; audience: PostDto['audience']; locationName: string | null } | null) => void }) {
  const t = useTranslations('feed');
  const form = useActionForm(
    async (data) => {
      const input = { postId: post.id, body: String(data.get('body') ?? ''), audience: String(data.get('audience')), locationName: String(data.get('locationName') ?? '') };
      const result = await editPostAction(input);
      if (result.ok) onDone({ body: input.body.trim(), audience: input.audience as PostDto['audience'], locationName: input.locationName.trim() || null });
      return result;
    },
  );
  return (
    <form onSubmit={form.onSubmit} className="flex flex-col gap-3" aria-label={t('editTitle')}>
      <TextAreaField label={t('postText')} name="body" defaultValue={post.body} maxLength={maxPostLength} rows={3} error={form.fieldError('body')} />
      <TextField label={t('location')} name="locationName" defaultValue={post.locationName ?? ''} maxLength={80} error={form.fieldError('locationName')} />
      <AudienceSelect defaultValue={post.audience} error={form.fieldError('audience')} />
      <FormFooter message={form.fieldError('body') ? null : form.message} submitLabel={t('save')} pending={form.pending} onCancel={() => onDone(null)} />
    </form>
  );
}
