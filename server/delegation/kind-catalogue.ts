import { snippetKindNames } from "./kind";
import { kindOf } from "./kinds/registry";

/** Every snippet kind as editors need it: how to edit it, what a new one starts with, what reload it causes. */
export function listKinds() {
  return snippetKindNames.map((name) => {
    const kind = kindOf(name);
    return {
      name: kind.name,
      title: kind.title,
      description: kind.description,
      editor: kind.editor,
      language: kind.language,
      defaultMode: kind.defaultMode,
      starter: kind.starter,
      reload: kind.reload,
    };
  });
}
