// Cost in integer micro-units of the tenant's currency (UsageRecord.costMicros is a BigInt).
// A price per million tokens turns into micro-units per token one to one: tokens × pricePerM / 10⁶
// currency units = tokens × pricePerM micro-units. Prices have four decimals (Decimal(12,4)), so they are
// scaled to integers and the sum is rounded once, half up, instead of per part.

const PRICE_SCALE = 10_000n;

function scaledPrice(price: number | string, label: string): bigint {
  const n = typeof price === "string" ? Number(price) : price;
  if (!Number.isFinite(n) || n < 0) throw new RangeError(`${label} must be a non-negative number`);
  return BigInt(Math.round(n * Number(PRICE_SCALE)));
}

function tokenCount(tokens: number, label: string): bigint {
  if (!Number.isSafeInteger(tokens) || tokens < 0)
    throw new RangeError(`${label} must be a non-negative integer`);
  return BigInt(tokens);
}

export function costMicros(
  tokensIn: number,
  tokensOut: number,
  inputPricePerM: number | string,
  outputPricePerM: number | string,
): bigint {
  const scaled =
    tokenCount(tokensIn, "tokensIn") * scaledPrice(inputPricePerM, "inputPricePerM") +
    tokenCount(tokensOut, "tokensOut") * scaledPrice(outputPricePerM, "outputPricePerM");
  return (scaled + PRICE_SCALE / 2n) / PRICE_SCALE;
}
