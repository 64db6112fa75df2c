import { SignOutButton } from "@/components/auth/sign-out-button";

export default function NoProperty() {
  return (
    <main className="mx-auto max-w-md px-6 py-24 text-center">
      <h1 className="text-xl font-semibold">No property yet</h1>
      <p className="mt-2 text-sm text-slate-600">Your account is not a member of any property. Ask a property owner to invite you.</p>
      <div className="mt-6 flex justify-center">
        <SignOutButton />
      </div>
    </main>
  );
}
