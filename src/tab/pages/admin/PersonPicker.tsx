import { Combobox, Field, Option, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { DirectoryPerson } from '../../../core/api.js';
import { strings } from '../../strings.js';

/** Searches the directory as the owner types (debounced) and picks one person. */
export function PersonPicker({
  label,
  value,
  onChange,
  search,
}: {
  label: string;
  value: DirectoryPerson | null;
  onChange: (person: DirectoryPerson | null) => void;
  search: (text: string) => Promise<DirectoryPerson[]>;
}) {
  const [text, setText] = useState(value?.displayName ?? '');
  const [matches, setMatches] = useState<DirectoryPerson[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const query = text.trim();
    if (query.length < 2 || query === value?.displayName) return;
    let live = true;
    const timer = setTimeout(() => {
      search(query).then(
        (people) => {
          if (!live) return;
          setMatches(people.slice(0, 20));
          setError(null);
        },
        () => live && setError(strings.errors.unavailable),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, search, value]);

  return (
    <Field label={label} validationMessage={error ?? undefined} validationState={error ? 'error' : 'none'}>
      <Combobox
        placeholder={strings.admin.searchPeople}
        value={text}
        freeform
        onChange={(e) => {
          setText(e.target.value);
          if (value) onChange(null);
        }}
        onOptionSelect={(_, data) => {
          // Editing a chosen name clears the selection (no option): keep the typed text, onChange already let go of the person.
          if (data.optionValue === undefined) return;
          const person = matches.find((p) => p.id === data.optionValue) ?? null;
          onChange(person);
          setText(person?.displayName ?? '');
        }}
      >
        {matches.length === 0 && text.trim().length >= 2 ? (
          <Option disabled value="" text="">
            {strings.admin.noMatches}
          </Option>
        ) : null}
        {matches.map((person) => (
          <Option key={person.id} value={person.id} text={person.displayName}>
            <div>
              <Text block>{person.displayName}</Text>
              <Text size={200}>{[person.jobTitle, person.department].filter(Boolean).join(' · ')}</Text>
            </div>
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}
