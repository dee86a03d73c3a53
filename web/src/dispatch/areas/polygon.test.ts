import { describe, expect, it } from 'vitest';
import { insertVertex, moveVertex, removeVertex, rounded, squareAround, type Vertex } from './polygon';

const square: Vertex[] = [[1, 0], [1, 1], [0, 1], [0, 0]];

describe('editing an outline', () => {
  it('draws: the first three points are added in the order they are placed', () => {
    let drawn: Vertex[] = [];
    for (const p of [[0, 0], [1, 0], [1, 1]] as Vertex[]) drawn = insertVertex(drawn, p);
    expect(drawn).toEqual([[0, 0], [1, 0], [1, 1]]);
  });

  it('reshapes: a point goes into the edge nearest to it, not at the end', () => {
    // just east of the eastern edge, between [1,1] and [0,1]
    expect(insertVertex(square, [0.5, 1.2])).toEqual([[1, 0], [1, 1], [0.5, 1.2], [0, 1], [0, 0]]);
    // just west of the western edge, which closes the outline from [0,0] back to [1,0]
    expect(insertVertex(square, [0.5, -0.2])).toEqual([[1, 0], [1, 1], [0, 1], [0, 0], [0.5, -0.2]]);
  });

  it('moves and removes one vertex, leaving the others and the original alone', () => {
    expect(moveVertex(square, 2, [0, 2])).toEqual([[1, 0], [1, 1], [0, 2], [0, 0]]);
    expect(removeVertex(square, 0)).toEqual([[1, 1], [0, 1], [0, 0]]);
    expect(square).toHaveLength(4);
  });

  it('rounds to about a metre and starts a new area as a square around a point', () => {
    expect(rounded([52.5200049, 13.4049951])).toEqual([52.52, 13.405]);
    const start = squareAround([52.52, 13.405]);
    expect(start).toHaveLength(4);
    expect(start[0]![0]).toBeCloseTo(52.54);
    expect(start[1]![1]).toBeGreaterThan(13.405);
  });
});
