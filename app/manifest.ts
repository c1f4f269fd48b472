import type { MetadataRoute } from 'next';

export default function manifest(): MetadataRoute.Manifest {
  return {
    id: '/',
    name: 'Plaza',
    short_name: 'Plaza',
    description: 'Chat, share, shop, pay and book — all in one place.',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'portrait',
    background_color: '#ffffff',
    theme_color: '#0b7a4b',
    categories: ['social', 'shopping', 'finance', 'lifestyle'],
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
    shortcuts: [
      { name: 'Chats', short_name: 'Chats', url: '/chats', icons: [{ src: '/icons/icon-192.png', sizes: '192x192' }] },
      { name: 'Feed', short_name: 'Feed', url: '/feed', icons: [{ src: '/icons/icon-192.png', sizes: '192x192' }] },
    ],
  };
}
