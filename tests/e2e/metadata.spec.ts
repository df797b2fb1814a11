import { test, expect } from './support/fixtures';

// Stage labels, colours and order come from Twenty's metadata, not from our config.
test('renaming and reordering a stage in the workspace shows up on the page', async ({ page, crm }) => {
  // Each check reloads the page until a refresh past the stage options' 1 s TTL shows: several
  // page loads, which take seconds each while another worker shares the 2 cores.
  test.setTimeout(90_000);
  const field = await crm.stageField();
  const original = field.options;
  const swapped = original.map((o) => {
    if (o.value === 'PROPOSAL') return { ...o, label: 'Proposal sent', position: 2 };
    if (o.value === 'MEETING') return { ...o, position: 3 };
    return o;
  });
  try {
    await crm.setStageOptions(field.id, swapped);
    await expect(async () => {
      await page.goto('/d/pipeline');
      await expect(page.getByTestId('stage-label')).toHaveText(['New', 'Screening', 'Proposal sent', 'Meeting', 'Customer'], { timeout: 1000 });
    }).toPass({ timeout: 40_000 });
  } finally {
    await crm.setStageOptions(field.id, original);
  }
  await expect(async () => {
    await page.goto('/d/pipeline');
    await expect(page.getByTestId('stage-label')).toHaveText(['New', 'Screening', 'Meeting', 'Proposal', 'Customer'], { timeout: 1000 });
  }).toPass({ timeout: 40_000 });
});
