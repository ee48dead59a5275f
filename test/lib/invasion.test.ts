import {describe, expect, it} from "vitest";
import type {Poll} from "../../src/lib/contracts.ts";
import {analyseInvasion} from "../../src/lib/invasion.ts";

/** A poll with one-day fieldwork on `date`; analyseInvasion recomputes period and interval itself. */
function poll(id: string, pollster: string, date: string, support = 90): Poll {
  return {
    id,
    pollster,
    pollsterName: pollster,
    fieldworkStart: date,
    fieldworkEnd: date,
    fieldworkMid: date,
    datePrecision: "day",
    fieldworkLabel: date,
    sampleSize: 1000,
    support,
    opposed: 100 - support,
    neutral: 0,
    lead: 2 * support - 100,
    period: "pre",
    supportCi: [0, 100],
    supportMargin: 0,
    source: {id: "s", title: "t", publisher: "p", published: null, url: null},
    note: null
  };
}

describe("analyseInvasion: the like-for-like pair", () => {
  it("is one pollster's last poll before and first poll after the cutoff, whatever the input order", () => {
    const polls = [
      poll("a-2023", "A", "2023-06-01"),
      poll("a-2019", "A", "2019-06-01"),
      poll("a-2022-post", "A", "2022-05-01", 94),
      poll("a-2021", "A", "2021-10-01", 89),
      poll("b-2020", "B", "2020-01-01")
    ];
    expect(analyseInvasion(polls).likeForLike).toMatchObject({pollster: "A", prePollId: "a-2021", postPollId: "a-2022-post", preSupport: 89, postSupport: 94, difference: 5});
  });

  it("among several pollsters, is the pair closest in time; a pollster without both sides does not count", () => {
    const polls = [
      poll("a-pre", "A", "2020-01-01"),
      poll("a-post", "A", "2023-01-01"),
      poll("b-pre", "B", "2022-01-15"),
      poll("b-post", "B", "2022-04-01"),
      poll("c-post", "C", "2022-03-01"),
      poll("d-pre", "D", "2022-02-20")
    ];
    expect(analyseInvasion(polls).likeForLike).toMatchObject({pollster: "B", prePollId: "b-pre", postPollId: "b-post"});
  });

  it("on equal gaps, is the pollster that polled first; on equal dates, the later row is the last before and the earlier the first after", () => {
    const tied = [poll("b-pre", "B", "2021-01-01"), poll("b-post", "B", "2023-01-01"), poll("a-first", "A", "2019-01-01"), poll("a-pre", "A", "2021-01-01"), poll("a-post", "A", "2023-01-01")];
    expect(analyseInvasion(tied).likeForLike).toMatchObject({pollster: "A", prePollId: "a-pre", postPollId: "a-post"});
    const sameDay = [poll("pre-1", "A", "2021-01-01"), poll("pre-2", "A", "2021-01-01"), poll("post-1", "A", "2023-01-01"), poll("post-2", "A", "2023-01-01")];
    expect(analyseInvasion(sameDay).likeForLike).toMatchObject({prePollId: "pre-2", postPollId: "post-1"});
  });

  it("leaves out polls whose fieldwork straddles the cutoff, and is null when no pollster polled on both sides", () => {
    const straddling = {...poll("a-straddles", "A", "2022-02-24"), fieldworkStart: "2022-02-20", fieldworkEnd: "2022-02-28"};
    expect(analyseInvasion([poll("a-pre", "A", "2021-01-01"), straddling, poll("a-post", "A", "2022-06-01")]).likeForLike).toMatchObject({prePollId: "a-pre", postPollId: "a-post"});
    expect(analyseInvasion([poll("a-pre", "A", "2021-01-01"), straddling, poll("b-post", "B", "2022-06-01")]).likeForLike).toBeNull();
  });

  it("takes periods from settings.cutoff and the design effect into the comparison", () => {
    const polls = [poll("a-2019", "A", "2019-06-01", 88), poll("a-2021", "A", "2021-06-01", 89), poll("a-2023", "A", "2023-06-01", 95)];
    const moved = analyseInvasion(polls, {cutoff: "2020-01-01", deff: 1, intervalMethod: "wilson"});
    expect([moved.pre.pollIds, moved.post.pollIds]).toEqual([["a-2019"], ["a-2021", "a-2023"]]);
    expect(moved.likeForLike).toMatchObject({prePollId: "a-2019", postPollId: "a-2021"});
    const plain = analyseInvasion(polls).likeForLike;
    const weighted = analyseInvasion(polls, {cutoff: "2022-02-24", deff: 2, intervalMethod: "wilson"}).likeForLike;
    expect(plain && weighted && Math.abs(weighted.z)).toBeCloseTo(Math.abs(plain?.z ?? 0) / Math.SQRT2, 6);
  });
});

describe("analyseInvasion: trends", () => {
  it("gives a period's trend, with its 95% interval, only from three polls", () => {
    const polls = [poll("a", "A", "2019-01-01", 88), poll("b", "A", "2020-01-01", 90), poll("c", "A", "2023-01-01", 95), poll("d", "A", "2023-06-01", 94)];
    const {pre, post} = analyseInvasion(polls);
    expect([pre.trendPerYear, pre.trendInterval, post.trendPerYear, post.trendInterval]).toEqual([null, null, null, null]);
    const moved = analyseInvasion(polls, {cutoff: "2023-03-01", deff: 1, intervalMethod: "wilson"});
    expect(moved.pre.trendPerYear).toBeGreaterThan(0);
    expect(moved.pre.trendInterval![0]).toBeLessThan(moved.pre.trendPerYear!);
    expect(moved.pre.trendInterval![1]).toBeGreaterThan(moved.pre.trendPerYear!);
    expect(moved.post.trendPerYear).toBeNull();
  });
});
