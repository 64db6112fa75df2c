"use client";

import { FormError } from "@/components/ui/action-message";
import { useActionMutation } from "@/components/ui/use-action-mutation";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { Field, Input, Textarea } from "@/components/ui/field";
import { updateApiKeyDetailsAction } from "@/lib/actions/api-keys";
import { keyLabel } from "@/lib/api-keys/group-keys";
import type { ApiKeyView } from "@/lib/api-keys/list-api-keys";
import { useInvalidateApiKeys } from "./use-api-keys";

/** Renames a key or changes its note; the key, its permissions and its expiry stay as they are. */
export function EditKeyDialog({ slug, apiKey, onClose }: { slug: string; apiKey: ApiKeyView; onClose: () => void }) {
  const invalidate = useInvalidateApiKeys(slug);
  const mutation = useActionMutation(
    (input: { name: string; note: string }) => updateApiKeyDetailsAction(slug, { keyId: apiKey.id, ...input }),
    {
      onSuccess: async () => {
        await invalidate();
        onClose();
      },
      // The dialog writes a refusal itself.
      failureToast: false,
    },
  );
  const failure = mutation.data && !mutation.data.ok ? mutation.data : null;
  const errors = (key: string) => failure?.fields?.[key];
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        title={`Edit ${keyLabel(apiKey)}`}
        className="[&>h2]:pr-8"
        description="Integrations keep working: only the name and note change."
      >
        <form
          className="space-y-4"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            mutation.mutate({ name: String(form.get("name") ?? ""), note: String(form.get("note") ?? "") });
          }}
        >
          <Field id="edit-key-name" label="Name" errors={errors("name")}>
            <Input
              id="edit-key-name"
              name="name"
              defaultValue={apiKey.name}
              maxLength={80}
              aria-invalid={errors("name") ? true : undefined}
            />
          </Field>
          <Field id="edit-key-note" label="Note (optional)" errors={errors("note")} hint="Only your team sees it">
            <Textarea
              id="edit-key-note"
              name="note"
              rows={3}
              defaultValue={apiKey.note ?? ""}
              maxLength={200}
              aria-invalid={errors("note") ? true : undefined}
            />
          </Field>
          {failure && !failure.fields ? <FormError>{failure.message}</FormError> : null}
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" disabled={mutation.isPending}>
              {mutation.isPending ? "Saving…" : "Save"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
