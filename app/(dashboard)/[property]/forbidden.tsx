import { AccessDenied } from "@/components/dashboard/shell-notice";

// forbidden() below the property layout: the 403 renders inside the shell, with whom to ask.
export default function PropertyForbidden() {
  return <AccessDenied />;
}
