// The staff dashboard: a grid of cards, each a count and a short list of what needs attention.
import { StaffLayout, type StaffShell } from './layout.tsx';

export interface DashboardCardData {
  id: string;
  title: string;
  count?: number;
  items: { href?: string; text: string; meta?: string }[];
  empty: string;
  more?: { href: string; label: string };
}

export function DashboardCard({ card }: { card: DashboardCardData }) {
  const headingId = `card-${card.id}`;
  return (
    <section class="card dashboard-card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {card.title}
        {card.count !== undefined && <span class="card-count"> {card.count}</span>}
      </h2>
      {card.items.length === 0 ? (
        <p class="muted">{card.empty}</p>
      ) : (
        <ul class="card-list">
          {card.items.map((item) => (
            <li>
              {item.href ? <a href={item.href}>{item.text}</a> : <span>{item.text}</span>}
              {item.meta && <span class="muted"> {item.meta}</span>}
            </li>
          ))}
        </ul>
      )}
      {card.more && (
        <p>
          <a href={card.more.href}>{card.more.label}</a>
        </p>
      )}
    </section>
  );
}

export function DashboardPage({ shell, cards }: { shell: StaffShell; cards: DashboardCardData[] }) {
  return (
    <StaffLayout shell={shell} title="Dashboard">
      <h1>Dashboard</h1>
      <div class="dashboard-grid">
        {cards.map((card) => (
          <DashboardCard card={card} />
        ))}
      </div>
    </StaffLayout>
  );
}
