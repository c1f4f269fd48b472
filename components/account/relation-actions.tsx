'use client';
import { useTranslations } from 'next-intl';
import type { Relation } from '@/lib/account/graph-schemas';
import {
  acceptFriendRequestAction,
  blockAction,
  cancelFriendRequestAction,
  declineFriendRequestAction,
  followAction,
  sendFriendRequestAction,
  unblockAction,
  unfollowAction,
  unfriendAction,
} from '@/lib/account/graph-actions';
import { ActionButton } from '@/components/ui/action-button';

/** What the viewer can do about another person, given how they are related. */
export function RelationActions({ handle, relation }: { handle: string; relation: Relation }) {
  const t = useTranslations('people');
  if (relation.blockedByMe) {
    return (
      <ActionButton action={unblockAction} input={{ handle }}>
        {t('unblock')}
      </ActionButton>
    );
  }
  return (
    <div className="flex flex-wrap gap-2">
      {relation.friend ? (
        <ActionButton action={unfriendAction} input={{ handle }} confirm={t('unfriendConfirm')}>
          {t('unfriend')}
        </ActionButton>
      ) : relation.incomingRequestId ? (
        <>
          <ActionButton action={acceptFriendRequestAction} input={{ requestId: relation.incomingRequestId }} variant="primary">
            {t('accept')}
          </ActionButton>
          <ActionButton action={declineFriendRequestAction} input={{ requestId: relation.incomingRequestId }}>
            {t('decline')}
          </ActionButton>
        </>
      ) : relation.outgoingRequestId ? (
        <ActionButton action={cancelFriendRequestAction} input={{ requestId: relation.outgoingRequestId }}>
          {t('cancelRequest')}
        </ActionButton>
      ) : relation.canRequest ? (
        <ActionButton action={sendFriendRequestAction} input={{ handle }} variant="primary">
          {t('addFriend')}
        </ActionButton>
      ) : (
        <p className="self-center text-sm text-fg-muted">{t('requestsClosed')}</p>
      )}
      {relation.following ? (
        <ActionButton action={unfollowAction} input={{ handle }}>
          {t('unfollow')}
        </ActionButton>
      ) : (
        <ActionButton action={followAction} input={{ handle }}>
          {t('follow')}
        </ActionButton>
      )}
      <ActionButton action={blockAction} input={{ handle }} variant="danger" confirm={t('blockConfirm')}>
        {t('block')}
      </ActionButton>
    </div>
  );
}
