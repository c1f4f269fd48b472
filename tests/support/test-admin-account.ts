/** The test database's admin: the runner creates and grants it; browser tests sign in as it. */
export const testAdminAccount = { name: 'Test Admin', handle: 'testadmin', email: 'testadmin@example.test', password: 'correct horse battery staple' };
