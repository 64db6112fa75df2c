import { PageNotFound } from "@/components/dashboard/shell-notice";

// notFound() below the property layout (and every unknown path, via [...rest]): the 404 renders inside the shell.
export default function PropertyNotFound() {
  return <PageNotFound />;
}
