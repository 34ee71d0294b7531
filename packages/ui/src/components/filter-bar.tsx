"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "./ui/button.js";
import { Input, Select } from "./ui/input.js";

/** A filter the bar can show, with its URL param and choices (free text when none). */
export interface FilterField {
  param: string;
  label: string;
  value?: string;
  options?: string[];
  placeholder?: string;
}

/** Props of {@link FilterBar}. */
export interface FilterBarProps {
  /** The path the filters apply to (the current view). */
  action: string;
  range: string;
  /** ISO times of a custom range. */
  from?: string;
  to?: string;
  fields: FilterField[];
  /** Params kept as they are (e.g. sort). Cursors and page numbers are dropped on purpose. */
  keep?: Record<string, string | undefined>;
}

const RANGES: [string, string][] = [
  ["1h", "Last hour"],
  ["24h", "Last 24 hours"],
  ["7d", "Last 7 days"],
  ["30d", "Last 30 days"],
  ["custom", "Custom…"],
];

const toLocalInput = (iso?: string) => (iso ? iso.slice(0, 16) : "");

/**
 * Time range and filters as a GET form: the URL holds the state, so a view can be shared
 * and reloaded. Selects apply at once; text fields apply on Enter or "Apply".
 */
export function FilterBar({ action, range, from, to, fields, keep = {} }: FilterBarProps) {
  const router = useRouter();
  const [picked, setRange] = useState<{ from: string; value: string }>({ from: range, value: range });
  // A new URL range wins over the last pick.
  const currentRange = picked.from === range ? picked.value : range;
  const submit = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(keep)) if (v) params.set(k, v);
    for (const [k, v] of data.entries()) if (typeof v === "string" && v.trim() !== "") params.set(k, v.trim());
    if (params.get("range") === "7d") params.delete("range");
    if (params.get("range") !== "custom") {
      params.delete("from");
      params.delete("to");
    }
    const qs = params.toString();
    router.push(qs ? `${action}?${qs}` : action);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit(event.currentTarget);
  };
  const autoSubmit = (event: React.ChangeEvent<HTMLSelectElement>) => {
    if (event.currentTarget.name === "range") setRange({ from: range, value: event.currentTarget.value });
    if (event.currentTarget.name === "range" && event.currentTarget.value === "custom") return;
    if (event.currentTarget.form) submit(event.currentTarget.form);
  };
  // Remount the fields when the URL changes elsewhere (e.g. a clicked user link), so they show it.
  const formKey = JSON.stringify([range, from, to, fields.map((f) => f.value)]);
  return (
    <form key={formKey} method="get" action={action} onSubmit={onSubmit} className="lp:mb-4 lp:flex lp:flex-wrap lp:items-end lp:gap-2" role="search" aria-label="Filters">
      <label className="lp:flex lp:flex-col lp:gap-0.5 lp:text-xs lp:text-muted-foreground">
        Time range
        <Select name="range" defaultValue={range} onChange={autoSubmit} data-testid="loupe-range">
          {RANGES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </label>
      {currentRange === "custom" ? (
        <>
          <label className="lp:flex lp:flex-col lp:gap-0.5 lp:text-xs lp:text-muted-foreground">
            From (UTC)
            <Input type="datetime-local" name="from" defaultValue={toLocalInput(from)} required />
          </label>
          <label className="lp:flex lp:flex-col lp:gap-0.5 lp:text-xs lp:text-muted-foreground">
            To (UTC)
            <Input type="datetime-local" name="to" defaultValue={toLocalInput(to)} />
          </label>
        </>
      ) : null}
      {fields.map((field) => (
        <label key={field.param} className="lp:flex lp:flex-col lp:gap-0.5 lp:text-xs lp:text-muted-foreground">
          {field.label}
          {field.options ? (
            <Select name={field.param} defaultValue={field.value ?? ""} onChange={autoSubmit} data-testid={`loupe-filter-${field.param}`}>
              <option value="">All</option>
              {[...new Set([...(field.value ? [field.value] : []), ...field.options])].map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </Select>
          ) : (
            <Input name={field.param} defaultValue={field.value ?? ""} placeholder={field.placeholder} className="lp:w-40" data-testid={`loupe-filter-${field.param}`} />
          )}
        </label>
      ))}
      <Button type="submit" variant="outline">
        Apply
      </Button>
      <a href={action} className="lp:h-8 lp:px-2 lp:text-xs lp:leading-8 lp:text-muted-foreground lp:hover:underline">
        Reset
      </a>
    </form>
  );
}
