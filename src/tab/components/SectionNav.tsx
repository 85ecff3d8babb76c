// The header's sections as plain links (a page navigation, not ARIA tabs). Wide
// windows show them in a row; at Teams mobile widths (360 px) a "Menu" button
// discloses them as a list, so the header never scrolls sideways. The button
// follows the disclosure pattern (aria-expanded / aria-controls); Escape closes
// the list and returns focus to the button.
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { shellStrings as strings } from '../shellStrings.js';

export interface Section {
  value: string;
  label: string;
  to: string;
}

const narrow = '@media (max-width: 719px)';

const useStyles = makeStyles({
  nav: { position: 'relative', minWidth: 0 },
  toggle: {
    display: 'none',
    [narrow]: { display: 'inline-flex' },
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    minHeight: '32px',
    padding: `0 ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    [narrow]: {
      display: 'none',
      position: 'absolute',
      zIndex: 10,
      top: '100%',
      left: 0,
      marginTop: tokens.spacingVerticalXS,
      flexDirection: 'column',
      minWidth: '200px',
      maxWidth: 'calc(100vw - 32px)',
      padding: tokens.spacingVerticalXS,
      backgroundColor: tokens.colorNeutralBackground1,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      borderRadius: tokens.borderRadiusMedium,
      boxShadow: tokens.shadow16,
    },
  },
  open: { [narrow]: { display: 'flex' } },
  link: {
    display: 'block',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    textDecorationLine: 'none',
    whiteSpace: 'nowrap',
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    ':hover': { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  current: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorCompoundBrandStroke,
  },
});

export function SectionNav({ sections, current }: { sections: Section[]; current: string }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();

  useEffect(() => setOpen(false), [pathname]);
  const currentLabel = sections.find((s) => s.value === current)?.label;

  return (
    <nav
      aria-label={strings.nav.mainLabel}
      className={styles.nav}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          toggle.current?.focus();
        }
      }}
    >
      <button
        ref={toggle}
        type="button"
        className={styles.toggle}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((was) => !was)}
      >
        {strings.nav.menu}
        {currentLabel ? `: ${currentLabel}` : ''}
        <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      <ul id={listId} className={mergeClasses(styles.list, open && styles.open)}>
        {sections.map((s) => (
          <li key={s.value}>
            <Link
              to={s.to}
              className={mergeClasses(styles.link, s.value === current && styles.current)}
              aria-current={s.value === current ? 'page' : undefined}
              onClick={() => setOpen(false)}
            >
              {s.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
