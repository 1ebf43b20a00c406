import { DomainError } from '@sanad/core';
import { parseRatingAnswers, rawAnswers } from './rating-answers.util';

function fieldsOf(error: unknown): string[] {
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).fieldErrors.map((e) => e.field);
}

describe('rating answers', () => {
  it('reads the stars, the dimensions left out as null, and the comment', () => {
    expect(parseRatingAnswers({ score: '4', manner: '5', speed: '', comment: '  شكرًا  ' })).toEqual(
      {
        score: 4,
        dimensions: { manner: 5, speed: null, clarity: null, happiness: null },
        comment: 'شكرًا',
      },
    );
  });

  it('treats an empty comment as none', () => {
    expect(parseRatingAnswers({ score: '1', comment: '   ' }).comment).toBeNull();
  });

  it.each(['0', '6', '4.5', 'x', '', '-1', '10'])('refuses the score %p', (score) => {
    try {
      parseRatingAnswers({ score });
      throw new Error('accepted');
    } catch (error) {
      expect(fieldsOf(error)).toEqual(['score']);
    }
  });

  it('refuses a dimension outside 1–5 and names it', () => {
    try {
      parseRatingAnswers({ score: '3', clarity: '7', happiness: '0' });
      throw new Error('accepted');
    } catch (error) {
      expect(fieldsOf(error)).toEqual(['clarity', 'happiness']);
    }
  });

  it('counts characters, not UTF-16 units: 2,000 Arabic letters or emoji pass, 2,001 do not', () => {
    expect(parseRatingAnswers({ score: '5', comment: 'ع'.repeat(2000) }).comment).toHaveLength(
      2000,
    );
    expect(parseRatingAnswers({ score: '5', comment: '😀'.repeat(2000) }).comment).not.toBeNull();
    try {
      parseRatingAnswers({ score: '5', comment: 'ع'.repeat(2001) });
      throw new Error('accepted');
    } catch (error) {
      expect(fieldsOf(error)).toEqual(['comment']);
      expect((error as DomainError).fieldErrors[0].params).toEqual({ max: 2000 });
    }
  });

  it('keeps only the known fields, first value of repeated ones', () => {
    expect(rawAnswers({ score: ['2', '5'], other: 'x', comment: 'hi' })).toEqual({
      score: '2',
      comment: 'hi',
    });
  });
});
