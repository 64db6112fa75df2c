// Shown while this section renders on the server: the shell stays, the content area says it is loading.
// Placed below the layouts that check access, so a 403 or 404 is still sent as one (not streamed as 200);
// in the (list) group, so a stay's page (../[id]) is outside it and an unknown stay is a real 404.
export { PageLoading as default } from "@/components/ui/page-loading";
