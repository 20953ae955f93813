import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useDebouncedValue } from '../../ui/useDebouncedValue';
import { setAt } from './configPath';
import { configuratorApi } from './configuratorApi';
import type { AccessoryLine } from './configuratorTypes';
import type { FormContext } from './OptionForm';

/**
 * A configuration checked by the server as it is edited (the configurator page and the order
 * wizard both use it): the answer's errors and offered values feed the option form, its price the
 * summary. The server is asked once the user pauses, so every keystroke is not a request.
 */
export function useLiveValidation(familyId: string, config: unknown, accessories: AccessoryLine[], setConfig: (update: (c: unknown) => unknown) => void) {
  const asked = useDebouncedValue(useMemo(() => ({ config, accessories }), [config, accessories]), 350);
  const validation = useQuery({
    queryKey: ['configurator', 'validate', familyId, asked],
    queryFn: () => configuratorApi.validate(familyId, asked.config, asked.accessories),
    placeholderData: keepPreviousData,
  });
  // Valid only when the answer is for what is on screen now (not a previous one kept while asking).
  const settled = asked.config === config && asked.accessories === accessories;
  const valid = validation.data?.isValid === true && !validation.isPlaceholderData && settled;
  const ctx: FormContext = useMemo(() => {
    const errors = new Map<string, string[]>();
    for (const e of validation.data?.errors ?? []) errors.set(e.field, [...(errors.get(e.field) ?? []), e.message]);
    return {
      config,
      set: (path, value) => setConfig((c) => setAt(c, path, value)),
      offered: new Map((validation.data?.availableOptions ?? []).map((o) => [o.field, o.values])),
      errors,
    };
  }, [config, validation.data, setConfig]);
  return { asked, validation, valid, ctx };
}
