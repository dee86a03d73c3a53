export const areaKeys = {
  all: ['service-areas'] as const,
  schedule: (areaId: string) => ['service-areas', areaId, 'schedule'] as const,
};
