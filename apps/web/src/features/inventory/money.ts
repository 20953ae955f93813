const usd = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' });

export const formatMoney = (n: number | null | undefined) => (n === null || n === undefined ? '—' : usd.format(n));
