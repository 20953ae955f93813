import { Link } from '@tanstack/react-router';
import { textLink } from '../../ui/linkStyles';

/** Part number and name, linked to the part page. */
export function ItemLink({ item }: { item: { id: string; partNumber: string; name: string } }) {
  return (
    <>
      <Link to="/inventory/parts/$partId" params={{ partId: item.id }} className={`${textLink} font-mono text-xs`}>
        {item.partNumber}
      </Link>
      <span className="block">{item.name}</span>
    </>
  );
}
