export function Logo() {
  return (
    <span className="flex items-center gap-2 font-semibold tracking-tight">
      <svg viewBox="0 0 32 32" className="size-7" aria-hidden>
        <rect width="32" height="32" rx="7" fill="currentColor" className="text-primary" />
        <path d="M16 5l3 6h-6zM13.5 12h5l1.5 15h-8z" fill="white" />
        <path d="M19 8l9-3v6z" fill="#fcd34d" opacity=".9" />
      </svg>
      Pharos
    </span>
  );
}
