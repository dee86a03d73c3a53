import { describe, expect, it } from 'vitest';
import { area } from '../offer/area';
import { navigationLinks } from './navigate';

describe('leaving for a stop', () => {
  it('opens the maps app with directions, or any maps app through geo:', () => {
    const links = navigationLinks(52.5079, 13.4531, 'Simon-Dach-Strasse 20, 10245 Berlin');
    expect(links.maps).toBe('https://www.google.com/maps/dir/?api=1&destination=52.507900,13.453100&travelmode=driving');
    expect(links.geo).toBe('geo:52.507900,13.453100?q=52.507900,13.453100(Simon-Dach-Strasse%2020%2C%2010245%20Berlin)');
  });

  it("shows an offer's area, not the door", () => {
    expect(area('Simon-Dach-Strasse 20, 10245 Berlin')).toBe('10245 Berlin');
    expect(area('Berlin')).toBe('Berlin');
    expect(area(undefined)).toBe('Near you');
  });
});
