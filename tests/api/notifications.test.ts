import { storeNotifications } from '@ddt/plugins';
import { ApiPlatform } from './support/api-platform.js';

let api: ApiPlatform;
beforeAll(async () => {
  api = await ApiPlatform.start();
});
afterAll(() => api.stop());

const titlesOf = async (username: string): Promise<string[]> =>
  (await api.call(username, { method: 'GET', url: '/api/notifications' }))
    .json()
    .items.map((item: { title: string }) => item.title);

test('a notification a task handler sends to an office reaches its admins and nobody else', async () => {
  const campaignId = await api.launch('kaixue-basic', ['s-01']);
  // What the notify.send handler delivers for `recipients: ["office:" + campaign.officeId]`.
  await storeNotifications(api.store, () => new Date()).deliver({
    id: 'n-office-overdue-1',
    recipient: 'office:o-county',
    title: '整改报告逾期',
    message: '青山县城关第一小学的整改报告已逾期。',
    severity: 'warning',
    instanceId: `${campaignId}:s-01`,
    elementId: 'Task_NotifyOffice',
    campaignId,
    schoolId: 's-01',
  });

  const inbox = (await api.call('admin', { method: 'GET', url: '/api/notifications' })).json();
  expect(inbox.items[0]).toMatchObject({ title: '整改报告逾期', campaignId });
  for (const username of ['admin2', 'duxue1', 'school01'])
    expect(await titlesOf(username)).not.toContain('整改报告逾期');
});
