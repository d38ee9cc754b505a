"use client";

import { defaultHighlightStyle, StreamLanguage, syntaxHighlighting } from "@codemirror/language";
import { nginx } from "@codemirror/legacy-modes/mode/nginx";
import { properties } from "@codemirror/legacy-modes/mode/properties";
import { shell } from "@codemirror/legacy-modes/mode/shell";
import { lintGutter, setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { Compartment, EditorState, type Extension } from "@codemirror/state";
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { useEffect, useRef } from "react";
import type { ValidationIssue } from "./types";

export type CodeLanguage = "nginx" | "shell" | "properties" | null;

const languages: Record<Exclude<CodeLanguage, null>, Extension> = {
  nginx: StreamLanguage.define(nginx),
  shell: StreamLanguage.define(shell),
  properties: StreamLanguage.define(properties),
};

const theme = EditorView.theme({
  "&": { fontSize: "13px", border: "1px solid rgb(203 213 225)", borderRadius: "6px", backgroundColor: "white" },
  "&.cm-focused": { outline: "2px solid rgb(37 99 235)", outlineOffset: "1px" },
  ".cm-content": { fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace", minHeight: "16rem" },
  ".cm-gutters": { backgroundColor: "rgb(248 250 252)", borderRight: "1px solid rgb(226 232 240)" },
});

/** Findings as CodeMirror diagnostics on their lines; findings without a line (or past the end) stay in the list below. */
function diagnosticsFor(state: EditorState, issues: readonly ValidationIssue[]): Diagnostic[] {
  return issues
    .filter((issue) => issue.line !== null && issue.line >= 1 && issue.line <= state.doc.lines)
    .map((issue) => {
      const line = state.doc.line(issue.line!);
      return { from: line.from, to: line.to, severity: issue.severity, message: issue.message, source: "policy" };
    });
}

/**
 * CodeMirror 6 for text snippet kinds. Deliberately lean (no autocomplete, no bracket closing):
 * what the customer types is exactly what is checked. It is uncontrolled after mount; `value`
 * changes from outside (a restored revision) replace the document.
 */
export default function CodeEditor({
  value,
  onChange,
  language,
  issues,
  label,
  describedBy,
  readOnly = false,
}: {
  value: string;
  onChange: (text: string) => void;
  language: CodeLanguage;
  issues: readonly ValidationIssue[];
  label: string;
  describedBy?: string;
  readOnly?: boolean;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  const editable = useRef(new Compartment());
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    const created = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          history(),
          drawSelection(),
          highlightActiveLine(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          lintGutter(),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          language ? languages[language] : [],
          theme,
          editable.current.of(EditorState.readOnly.of(readOnly)),
          EditorView.contentAttributes.of({ "aria-label": label, ...(describedBy ? { "aria-describedby": describedBy } : {}) }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChangeRef.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = created;
    return () => {
      created.destroy();
      view.current = null;
    };
    // The view is made once; later prop changes are applied by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const current = view.current;
    if (current && current.state.doc.toString() !== value) current.dispatch({ changes: { from: 0, to: current.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    const current = view.current;
    if (current) current.dispatch(setDiagnostics(current.state, diagnosticsFor(current.state, issues)));
  }, [issues]);

  useEffect(() => {
    view.current?.dispatch({ effects: editable.current.reconfigure(EditorState.readOnly.of(readOnly)) });
  }, [readOnly]);

  return <div ref={host} data-testid="code-editor" />;
}
