// How sure a price answer is, from the standard deviation of the elasticity behind it. At sd ≤ 0.12 the
// true elasticity is within ±0.2 about nine times in ten; above 0.3 the direction of a small price move is
// still right but its size is a guess.

export type Confidence = 'low' | 'medium' | 'high';

export function confidenceFromSd(sd: number): Confidence {
  if (!Number.isFinite(sd)) return 'low';
  if (sd <= 0.12) return 'high';
  if (sd <= 0.3) return 'medium';
  return 'low';
}
