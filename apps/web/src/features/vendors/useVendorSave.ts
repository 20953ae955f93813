import { useMutation, useQueryClient } from '@tanstack/react-query';
import { vendorKeys, vendorsApi, type Vendor, type VendorInput } from './vendorsApi';

/** Creates (no id) or updates a vendor, then refreshes the vendor lists and detail. */
export function useVendorSave(vendorId: string | undefined, onSaved: (v: Vendor) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: VendorInput) => (vendorId ? vendorsApi.update(vendorId, body) : vendorsApi.create(body)),
    onSuccess: async (v) => {
      onSaved(v);
      await qc.invalidateQueries({ queryKey: vendorKeys.all });
    },
  });
}

/** Archive or restore (the API never deletes a vendor). */
export function useVendorArchive(vendorId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (archive: boolean) => (archive ? vendorsApi.archive(vendorId) : vendorsApi.restore(vendorId)),
    onSuccess: () => qc.invalidateQueries({ queryKey: vendorKeys.all }),
  });
}
