import { useTranslation } from "react-i18next";
import type { ClientDetailMember, ClientNotes } from "@mutual/core";
import "./member-notes.css";

type DateFormat = (iso: string) => string;
type HeadingLevel = 3 | 4;

const weekPattern = /^(\d{4})-W(\d{2})$/;

/**
 * A member's check-in notes and exercise reflections, newest first, for their counsellor: on the
 * client detail page and in the printed report alike (one component, so both say the same). Under a
 * heading the caller gives; its own sub-headings are one level below. Says plainly when the member
 * does not share notes.
 */
export function MemberNotes({ member, date, headingLevel }: { member: ClientDetailMember; date: DateFormat; headingLevel: HeadingLevel }) {
  const { t } = useTranslation();
  if (!member.notes) return <p>{t("clientDashboard.notes.notShared", { name: member.name })}</p>;
  return <SharedNotes name={member.name} notes={member.notes} date={date} headingLevel={headingLevel} />;
}

function SharedNotes({ name, notes, date, headingLevel }: { name: string; notes: ClientNotes; date: DateFormat; headingLevel: HeadingLevel }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const since = date(notes.since);
  const week = (key: string) => {
    const match = weekPattern.exec(key);
    return match ? t("clientDashboard.notes.week", { week: Number(match[2]), year: match[1] }) : key;
  };
  return (
    <div className="member-notes">
      <p>{t("clientDashboard.notes.intro", { name, date: since })}</p>
      <Heading>{t("clientDashboard.notes.checkInNotesTitle")}</Heading>
      {notes.checkInNotes.length === 0 ? (
        <p>{t("clientDashboard.notes.checkInNotesNone", { date: since })}</p>
      ) : (
        <ul className="member-notes__list">
          {notes.checkInNotes.map((note) => (
            <li key={note.week} className="member-notes__entry">
              <p className="member-notes__when">{t("clientDashboard.notes.checkInNoteOf", { week: week(note.week), date: date(note.writtenAt) })}</p>
              <blockquote className="member-notes__text">{note.text}</blockquote>
            </li>
          ))}
        </ul>
      )}
      <Heading>{t("clientDashboard.notes.reflectionsTitle")}</Heading>
      {notes.reflections.length === 0 ? (
        <p>{t("clientDashboard.notes.reflectionsNone", { date: since })}</p>
      ) : (
        <ul className="member-notes__list">
          {notes.reflections.map((entry) => (
            <li key={`${entry.exerciseId}-${entry.completedAt}`} className="member-notes__entry">
              <p className="member-notes__when">
                {t("clientDashboard.notes.reflectionOf", {
                  exercise: entry.title,
                  practice: t(`practices.practice.${entry.practice}.title`),
                  date: date(entry.completedAt),
                })}
              </p>
              <blockquote className="member-notes__text">{entry.text}</blockquote>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
