import { api } from '../../api/client';
import { downloadFile } from '../../api/download';
import type { AccessoryLine, Bom, SinkFamilyList, TemplateList, Validation } from './configuratorTypes';

export const configuratorKeys = {
  families: ['configurator', 'families'] as const,
  templates: (familyId: string) => ['configurator', 'templates', familyId] as const,
};

const sink = (familyId: string, configuration: unknown, accessories: AccessoryLine[]) => ({ sinkFamilyId: familyId, configuration, accessories });

export const configuratorApi = {
  families: () => api.get<SinkFamilyList>('/api/v1/configurations/sink-families'),
  templates: (familyId: string) => api.get<TemplateList>(`/api/v1/configurations/templates?sinkFamilyId=${encodeURIComponent(familyId)}&limit=50`),
  validate: (familyId: string, configuration: unknown, accessories: AccessoryLine[]) => api.post<Validation>('/api/v1/configurations/validate?include=availableOptions', sink(familyId, configuration, accessories)),
  /** The BOM without saving it (what the page shows as you go). */
  preview: (familyId: string, configuration: unknown, accessories: AccessoryLine[]) =>
    api.post<Bom>('/api/v1/bom/generate', { preview: true, sinkConfigurations: [{ sinkFamilyId: familyId, configuration, accessories }] }),
  save: (familyId: string, configuration: unknown, accessories: AccessoryLine[]) =>
    api.post<Bom>('/api/v1/bom/generate', { sinkConfigurations: [{ sinkFamilyId: familyId, configuration, accessories }] }),
  exportBom: (bomId: string, format: 'csv' | 'xlsx' | 'pdf') => downloadFile(`/api/v1/bom/${encodeURIComponent(bomId)}/export?format=${format}`, `bom-${bomId.slice(0, 8)}.${format}`),
};
