import { evaluate } from 'feelin';
import { evaluateFeel } from '../src/index.js';

/**
 * Plain paths (`school.inspectorId`) are read without feelin's parser; every other expression, and every
 * path that does not lead through plain objects to a value, still goes to feelin. Both must agree.
 */
describe('FEEL paths', () => {
  const variables = {
    school: { id: 's1', inspectorId: 'u9', address: { county: '城关区' }, tags: ['a', 'b'], rank: 0 },
    campaign: { id: 'k1', deadline: null },
    items: [{ score: 1 }, { score: 2 }],
    flag: false,
  };

  it.each([
    ['=school.inspectorId', 'u9'],
    ['= school . id ', 's1'],
    ['=school.address.county', '城关区'],
    ['=school.address', { county: '城关区' }],
    ['=school.tags', ['a', 'b']],
    ['=school.rank', 0],
    ['=flag', false],
    ['=campaign.deadline', null],
  ])('reads %s like feelin does', (expression, expected) => {
    expect(evaluateFeel(expression, variables)).toEqual(expected);
    expect(evaluate(expression.slice(1), variables).value).toEqual(expected);
  });

  it.each([
    // Through a list FEEL maps the path over its items; a missing name is null; keywords are literals.
    ['=items.score', [1, 2]],
    ['=school.missing', null],
    ['=nobody.id', null],
    ['=true', true],
    ['=null', null],
    ['=school.id = "s1"', true],
  ])('leaves %s to feelin', (expression, expected) => {
    expect(evaluateFeel(expression, variables)).toEqual(expected);
  });
});
