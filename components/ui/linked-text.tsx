/** Plain text with its web addresses made clickable; nothing in the text is rendered as HTML. */
export function LinkedText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return (
    <p className="whitespace-pre-wrap break-words">
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part} className="font-medium text-brand underline">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </p>
  );
}
