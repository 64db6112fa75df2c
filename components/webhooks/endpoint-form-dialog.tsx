"use client";

import { FormError } from "@/components/ui/action-message";
import { useState } from "react";
import { useActionMutation } from "@/components/ui/use-action-mutation";
import { createWebhookEndpointAction, updateWebhookEndpointAction } from "@/lib/actions/webhooks";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { Field, Input, Select } from "@/components/ui/field";
import type { ActionResult } from "@/lib/errors/action-result";
import type { WebhookEventType } from "@/lib/webhooks/event-types";
import type { EventTypeOption } from "@/lib/webhooks/list-endpoint-views";
import { EventTypePicker } from "./event-type-picker";
import { OneTimeSecret } from "@/components/ui/one-time-secret";
import { describeRetrySchedule, RETRY_SCHEDULE_NAMES, type RetrySchedule } from "@/lib/webhooks/engine/retry-schedule";
import { useInvalidateWebhooks } from "./use-webhooks";

interface Existing {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  retrySchedule: RetrySchedule;
}

interface Props {
  slug: string;
  catalog: EventTypeOption[];
  /** The endpoint to edit; none to add one. */
  endpoint?: Existing;
  onClose: () => void;
}

/** Adds an endpoint (and shows its signing secret) or edits one's URL, description and events. */
export function EndpointFormDialog({ slug, catalog, endpoint, onClose }: Props) {
  const [url, setUrl] = useState(endpoint?.url ?? "");
  const [description, setDescription] = useState(endpoint?.description ?? "");
  const [eventTypes, setEventTypes] = useState<string[]>(endpoint?.eventTypes ?? []);
  const [retrySchedule, setRetrySchedule] = useState<RetrySchedule>(endpoint?.retrySchedule ?? "standard");
  const [snapshot, setSnapshot] = useState(false);
  const [created, setCreated] = useState<{ secret: string } | null>(null);
  const invalidate = useInvalidateWebhooks(slug);
  const mutation = useActionMutation(
    async (): Promise<ActionResult<{ secret?: string }>> => {
      // Event types come from the catalogue the server sent; the action validates them again.
      const input = { url, description, eventTypes: eventTypes as WebhookEventType[], retrySchedule };
      if (endpoint) return updateWebhookEndpointAction(slug, { endpointId: endpoint.id, ...input });
      return createWebhookEndpointAction(slug, { ...input, snapshot });
    },
    {
      onSuccess: async (result) => {
        await invalidate();
        if (result.secret) setCreated({ secret: result.secret });
        else onClose();
      },
      // A new endpoint's dialog says "Endpoint added" with its secret: no toast besides. A refusal stays in the form.
      successToast: (result) => (result.secret ? false : (result.message ?? false)),
      failureToast: false,
    },
  );
  const failure = mutation.data && !mutation.data.ok ? mutation.data : null;
  const errors = (key: string) => {
    const messages = Object.entries(failure?.fields ?? {}).flatMap(([path, list]) =>
      path === key || path.startsWith(`${key}.`) ? list : [],
    );
    return messages.length ? [...new Set(messages)] : undefined;
  };
  // A refused URL carries its message on the field already; say it once.
  const general =
    failure &&
    !Object.values(failure.fields ?? {})
      .flat()
      .includes(failure.message)
      ? failure.message
      : null;

  const title = created ? "Endpoint added" : endpoint ? "Edit endpoint" : "Add endpoint";
  return (
    // While saving the dialog stays: a new endpoint's signing secret is shown once, in this dialog.
    <Dialog open onOpenChange={(open) => !open && !mutation.isPending && onClose()}>
      <DialogContent
        title={title}
        description={
          created
            ? undefined
            : "We POST each event as JSON, signed per Standard Webhooks, and retry on a backoff schedule (about 28 hours, or 3 days with extended retries) until your endpoint answers 2xx."
        }
        className="max-w-2xl"
        dismissible={!created && !mutation.isPending}
      >
        {created ? (
          <OneTimeSecret
            notice="Copy the signing secret now and store it with your receiver: it verifies that requests come from us. Owners and admins can reveal it again later."
            secrets={[
              { label: "Signing secret", value: created.secret, testId: "issued-webhook-secret", copyLabel: "Copy signing secret" },
            ]}
            onStored={onClose}
          >
            <p className="text-xs text-slate-500">
              Verify each request with the <code className="font-mono">standardwebhooks</code> library:{" "}
              <code className="font-mono">new Webhook(secret).verify(body, headers)</code>.
            </p>
          </OneTimeSecret>
        ) : (
          <form
            className="space-y-4"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              mutation.mutate();
            }}
          >
            <Field
              id="webhook-url"
              label="Endpoint URL"
              errors={errors("url")}
              hint="An https:// address that answers 2xx within 15 seconds."
            >
              <Input
                id="webhook-url"
                name="url"
                type="url"
                inputMode="url"
                autoComplete="off"
                placeholder="https://example.com/webhooks/pms"
                value={url}
                onChange={(event) => setUrl(event.target.value)}
                maxLength={2048}
                aria-invalid={errors("url") ? true : undefined}
                aria-describedby={errors("url") ? "webhook-url-error" : undefined}
              />
            </Field>
            <Field
              id="webhook-description"
              label="Description (optional)"
              errors={errors("description")}
              hint="For example “Channel manager – production”"
            >
              <Input
                id="webhook-description"
                name="description"
                value={description}
                onChange={(event) => setDescription(event.target.value)}
                maxLength={200}
              />
            </Field>
            <EventTypePicker catalog={catalog} value={eventTypes} onChange={setEventTypes} errors={errors("eventTypes")} />
            <Field
              id="webhook-retries"
              label="Retries"
              errors={errors("retrySchedule")}
              hint="Extended keeps trying through a weekend of downtime"
            >
              <Select
                id="webhook-retries"
                name="retrySchedule"
                value={retrySchedule}
                onChange={(event) => setRetrySchedule(event.target.value === "extended" ? "extended" : "standard")}
              >
                {RETRY_SCHEDULE_NAMES.map((name) => (
                  <option key={name} value={name}>
                    {name === "standard" ? "Standard" : "Extended"} ({describeRetrySchedule(name).replace(" over about ", ", ")})
                  </option>
                ))}
              </Select>
            </Field>
            {endpoint ? null : (
              <label className="flex items-start gap-2 text-sm text-slate-700">
                <input
                  type="checkbox"
                  name="snapshot"
                  checked={snapshot}
                  onChange={(event) => setSnapshot(event.target.checked)}
                  className="mt-0.5"
                  aria-describedby="webhook-snapshot-hint"
                />
                <span>
                  Send the current state first
                  <span id="webhook-snapshot-hint" className="block text-xs text-slate-500">
                    Stays in house or arriving within 7 days, and valid access codes, as snapshot events before live ones
                  </span>
                </span>
              </label>
            )}
            {general ? <FormError>{general}</FormError> : null}
            <div className="flex justify-end gap-2">
              <DialogClose asChild>
                <Button variant="secondary" disabled={mutation.isPending}>
                  Cancel
                </Button>
              </DialogClose>
              <Button type="submit" disabled={mutation.isPending}>
                {mutation.isPending ? "Saving…" : endpoint ? "Save endpoint" : "Add endpoint"}
              </Button>
            </div>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
