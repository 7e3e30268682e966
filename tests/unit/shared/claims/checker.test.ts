/**
 * What the claim checker must understand, one behaviour per test: the paraphrases and the
 * opposite errors a reader reported (issue 13), stance, time, look-alikes, bad input.
 */
import { describe, expect, it } from 'vitest';
import { matcherFromConfig } from '../../../../src/shared/derive-matcher-tables';
import type { ScanContext } from '../../../../src/shared/matcher';
import { Dataset } from '../../../../src/data/schema';
import { rawDataset } from '../../../../src/data/index';

const data = Dataset.parse(rawDataset);
const matcher = matcherFromConfig({ datasetVersion: data.meta.version, entities: data.entities, claims: data.claims });
const claims = (text: string, context: ScanContext = {}) =>
  (matcher.scanParagraph(text, new Set(), context)?.claims ?? []).map((c) => ({
    id: c.claimId,
    stance: c.stance,
    verdict: c.verdict,
    trueUntil: c.trueUntil,
  }));
const flagged = (text: string, context?: ScanContext) =>
  claims(text, context)
    .filter((c) => c.stance !== 'refutes')
    .map((c) => c.id);

describe('claim checking', () => {
  it('reads a sentence that opens with a pronoun as about the subject of the sentence before', () => {
    expect(flagged('Claude Mythos 5 shipped on June 9. It is generally available to developers through the API.')).toContain(
      'claim-mythos-publicly-available',
    );
    expect(flagged('谈到Anthropic的Glasswing，不少人并不知道它的来历。该项目其实由Linux基金会运营。')).toContain(
      'claim-glasswing-february-linux-foundation-meta',
    );
    // Fable 5 is the generally available model: "it" there is not Mythos.
    expect(flagged('Claude Fable 5 launched on June 9. It is generally available to everyone.')).toEqual([]);
  });

  it('reads "actually" and 其实 as a correction only when the truth or a negation follows', () => {
    expect(flagged('先说结论：Glasswing其实是Mythos模型的内部代号，正式名称是后来才定的。')).toContain(
      'claim-glasswing-is-mythos-codename',
    );
    expect(flagged('Project Glasswing is actually the internal codename for the Mythos model.')).toContain(
      'claim-glasswing-is-mythos-codename',
    );
    expect(flagged('有网络文章称“前总统川普”签署了这项AI行政命令，事实上川普是现任美国总统，并非前总统。')).toEqual([]);
  });

  it.each([
    ['Ex-President Donald Trump signed the AI executive order this week.', 'claim-former-president-trump'],
    ['美國前總統川普簽署了人工智慧行政命令。', 'claim-former-president-trump'],
    ['Trump signed EO 14409 on the third of June.', 'claim-signed-june-3'],
    ['Trump signed EO 14409 on 6/3.', 'claim-signed-june-3'],
    ['特朗普于六月三日签署了第14409号行政令。', 'claim-signed-june-3'],
    [
      'President Trump, after weeks of wrangling with his advisers over what the text should finally say, signed the AI executive order on June 3, 2026.',
      'claim-signed-june-3',
    ],
    ['Anthropic unveiled Claude Mythos Preview on 8 April 2026.', 'claim-mythos-glasswing-announced-april-8'],
    ['The AI executive order makes a ninety days government review mandatory for frontier labs.', 'claim-mandatory-90-day-draft'],
    [
      'Under the AI executive order, developers are obligated to give the government access to their models before release.',
      'claim-developers-must-share',
    ],
    ['The draft of the AI executive order asked firms to share models two weeks to three months before launch.', 'claim-14-to-90-days'],
    ['Anthropic has made Claude Mythos available to the general public.', 'claim-mythos-publicly-available'],
    ["Anthropic's Mythos is now available to the public through the Claude app.", 'claim-mythos-publicly-available'],
    ['Claude Mythos found twenty-three thousand security holes in open-source code.', 'claim-mythos-static-analysis-23000'],
    ['An IFS poll on the AI executive order found eighty-two percent of registered voters in favour.', 'claim-ifs-poll-share-population'],
  ])('flags a paraphrase: %s', (text, id) => {
    expect(flagged(text)).toContain(id);
  });

  it('does not flag a sentence that refutes the claim, and says it refutes', () => {
    expect(claims('Claims that Anthropic has released Claude Mythos to the public are wrong.')).toEqual([
      expect.objectContaining({ id: 'claim-mythos-publicly-available', stance: 'refutes' }),
    ]);
    expect(flagged("Some outlets misspelled the Treasury Secretary's name as 'Bessant' in coverage of Mythos.")).toEqual([]);
    expect(flagged('Trump did not sign the AI executive order on June 3; he signed it on June 2.')).toEqual([]);
    expect(flagged('特朗普于6月3日签署AI行政令的说法并不属实。')).toEqual([]);
  });

  it('reads "restricted to approved partners" as the model\'s access, not the export ban', () => {
    expect(
      flagged('Claude Mythos 5 came out three months ago and is still restricted to approved partners.', { pageDate: '2026-09-10' }),
    ).toEqual([]);
    expect(flagged('Claude Mythos 5 is still restricted under the US export controls.', { pageDate: '2026-09-10' })).toEqual([
      'claim-fable-mythos-still-offline',
    ]);
  });

  it('reads any contraction as a negation, and a response to a claim as its refutation', () => {
    expect(claims("Mythos wasn't built from the ground up for security work.")).toEqual([
      expect.objectContaining({ id: 'claim-mythos-purpose-built-security', stance: 'refutes' }),
    ]);
    expect(flagged('Anthropic said it had no plans to make Claude Mythos Preview generally available.')).toEqual([]);
    expect(flagged("Mythos was built from the ground up for security work, and it isn't cheap.")).toEqual([
      'claim-mythos-purpose-built-security',
    ]);
    expect(claims('針對「AI行政命令讓國安局審查所有新模型」的說法，白宮科技政策辦公室回應：「我們並沒有監管所有新模型。」')).toEqual([
      expect.objectContaining({ id: 'claim-nsa-reviews-all-models', stance: 'refutes' }),
    ]);
  });

  it('reads a debunking paragraph that quotes the claim as a refutation', () => {
    expect(flagged('A viral post said the AI executive order was "signed on June 3". That is false: Trump signed it on June 2.')).toEqual(
      [],
    );
    expect(flagged('A viral post said the AI executive order was signed on June 3. In fact, it was signed on June 2.')).toEqual([]);
  });

  it('tells a report from an assertion', () => {
    expect(claims('Some outlets reported that the AI executive order was signed on June 3.')).toEqual([
      expect.objectContaining({ id: 'claim-signed-june-3', stance: 'reports' }),
    ]);
    expect(claims('网传该AI行政令于6月3日签署。')).toEqual([expect.objectContaining({ id: 'claim-signed-june-3', stance: 'reports' })]);
  });

  it('asserts nothing in a question or a hedge', () => {
    expect(flagged('Was the AI executive order signed on June 3?')).toEqual([]);
    expect(flagged('Critics fear the NSA may one day review all new models under the AI executive order.')).toEqual([]);
  });

  it('binds a date to its own event', () => {
    expect(flagged('The AI executive order was signed on June 2 and published on June 3.')).toEqual([]);
    expect(flagged('Trump postponed the signing of the AI executive order on May 21.')).toEqual([]);
    expect(flagged('Several tech executives had been invited to the May 21 signing ceremony for the AI executive order.')).toEqual([]);
  });

  it('does not give a date to the attribution that follows it ("…on June 3, aides said")', () => {
    const stances = (text: string) => claims(text).map((c) => `${c.id} ${c.stance}`);
    expect(stances('Trump signed the AI executive order on June 3, aides said.')).toEqual(['claim-signed-june-3 reports']);
    expect(stances('Trump signed the AI executive order on June 3, he told reporters.')).toEqual(['claim-signed-june-3 reports']);
    expect(stances('The AI executive order was signed on June 3, said two senior aides.')).toEqual(['claim-signed-june-3 reports']);
    // The saying's own date: fronted, or after its verb.
    expect(flagged('On June 3, he said the AI executive order was signed.')).toEqual([]);
    expect(flagged('Trump signed the AI executive order on June 2, the White House said on June 3.')).toEqual([]);
  });

  it('reads a concession by what it concedes: the claim inside it is refuted, a claim outside it is not governed by it', () => {
    const stances = (text: string) => claims(text).map((c) => `${c.id} ${c.stance}`);
    // The claim is what the concession says was said; the main clause stands against it.
    expect(flagged('Despite rumours of a mandatory 90-day review, the AI executive order leaves pre-release testing voluntary.')).toEqual(
      [],
    );
    expect(flagged('尽管有传言称该行政令规定强制性的90天审查，但行政令只设立自愿审查。')).toEqual([]);
    // A concession about something else: neither its report words nor its refutation words govern the claim,
    // and a delay in it does not make the signing a plan.
    expect(stances('Despite claims to the contrary, Trump signed the AI executive order on June 3.')).toEqual([
      'claim-signed-june-3 asserts',
    ]);
    expect(stances('Despite rumours of a delay, Trump signed the AI executive order on June 3.')).toEqual(['claim-signed-june-3 asserts']);
    expect(stances('After a two-week delay, Trump signed the AI executive order on June 3.')).toEqual(['claim-signed-june-3 asserts']);
    // Still a plan when the delay is the event's own ("delayed signing … on June 3").
    expect(flagged('Trump delayed signing the AI executive order on June 3.')).toEqual([]);
  });

  it('reads "mix up" and a bare denial after a semicolon as refuting the claim before them', () => {
    expect(
      flagged('Posts saying Trump signed the AI executive order on June 3 mixed up the signing date with the publication date.'),
    ).toEqual([]);
    expect(flagged('Several newsletters said the AI executive order imposes a mandatory 90-day review; it does not.')).toEqual([]);
    // A negation that goes on is about something else: the claim stays.
    expect(flagged('Trump signed the AI executive order on June 3; it did not take effect until later in the month.')).toEqual([
      'claim-signed-june-3',
    ]);
  });

  it('reads a headline as true when written before the development', () => {
    expect(claims('Most read: Trump halts AI order · May 21, 2026')).toEqual([
      expect.objectContaining({ id: 'claim-order-halted-for-good', verdict: 'outdated', trueUntil: '2026-06-02' }),
    ]);
    expect(claims('Trump halts AI executive order', { pageDate: '2026-05-21' })).toEqual([
      expect.objectContaining({ trueUntil: '2026-06-02' }),
    ]);
    expect(claims('Trump halts AI executive order', { pageDate: '2026-07-10' })[0]?.trueUntil).toBeUndefined();
  });

  it('keeps a title of its day when the sentence is about an earlier event', () => {
    expect(flagged('On April 7, Fed Chair Jerome Powell and Bessent met bank CEOs about Anthropic’s Mythos.')).toEqual([]);
    expect(
      flagged('Fed Chair Jerome Powell warned again this week that Anthropic’s Mythos threatens the banks.', { pageDate: '2026-09-01' }),
    ).toContain('claim-powell-current-fed-chair');
  });

  it('rejects look-alike orders and Mythos as an ordinary word', () => {
    const mentions = (text: string) => matcher.scanParagraph(text, new Set())?.mentions.map((m) => m.entityId) ?? [];
    expect(mentions('Trump signed EO 14179, "Removing Barriers to American Leadership in AI", in January 2025.')).toEqual([]);
    expect(mentions('In December 2025 Trump signed an executive order on AI to pre-empt state AI laws.')).toEqual([]);
    expect(mentions('Advertisement: The Mythos of Wall Street — a new book on investing.')).toEqual([]);
    expect(mentions('Gamers will remember Mythos, the hack-and-slash action game from 2008.')).toEqual([]);
  });

  it('reads availability as said of the model named nearest to it', () => {
    expect(flagged('Claude Mythos 5 stays with approved partners; Claude Fable 5 is the one anyone can sign up for.')).toEqual([]);
    expect(flagged('Mythos Preview went to vetted partners, and the model anyone can use today is Claude Fable 5.')).toEqual([]);
    expect(flagged('Unlike Opus, Claude Mythos is now open to everyone through the Claude app.')).toContain(
      'claim-mythos-publicly-available',
    );
    // A clause led by "it" is about the sentence's subject, not the name nearest to it.
    expect(flagged('Claude Fable 5 is the same model as Mythos 5 with classifiers added, and it is generally available again.')).toEqual(
      [],
    );
    expect(flagged('Claude Mythos 5 shares weights with Fable 5, and it is now generally available to anyone.')).toContain(
      'claim-mythos-publicly-available',
    );
  });

  it('does not read a date the news came out on as the date of its event', () => {
    expect(
      flagged('今年4月，美国财长贝森特与时任美联储主席鲍威尔召集各大银行首席执行官讨论Claude Mythos的风险，这次会面于4月10日被媒体披露。'),
    ).not.toContain('claim-bank-meeting-april-10');
  });

  it('reads a report set beside the true value in its sentence as corrected, across a semicolon', () => {
    const text =
      'Several outlets reported that the AI order was signed on June 3, but that date reflects their time zones; Trump signed EO 14409 on Tuesday, June 2.';
    expect(claims(text).map((c) => `${c.id} ${c.stance}`)).toEqual(['claim-signed-june-3 refutes']);
  });

  it('does not carry a mandate word across a coordinated noun phrase', () => {
    expect(flagged('Under EO 14409, CISA issues binding directives and OMB reviews grants within 30 days.')).not.toContain(
      'claim-order-requires-review',
    );
  });

  it('reads quoted words as the words they quote', () => {
    expect(flagged("Under EO 14409 the NSA will 'screen' every new AI model before launch.")).toContain('claim-nsa-reviews-all-models');
    expect(flagged('Anthropic has made Claude Mythos available to the “general” public.')).toContain('claim-mythos-publicly-available');
    expect(flagged('川普的AI行政命令为模型上市发放「执照」铺路。')).toContain('claim-licensing-regime');
  });

  it('does not read a date a report came out on as the date of its event (English)', () => {
    expect(
      flagged(
        "In April, Treasury Secretary Scott Bessent and then-Fed Chair Jerome Powell summoned the heads of major US banks to talk about Anthropic's Mythos; Bloomberg reported the session on April 10.",
      ),
    ).not.toContain('claim-bank-meeting-april-10');
  });

  it('reads a report followed by a denial in its own sentence as a refutation, not any negation', () => {
    const refuted =
      "A note on names: several outlets have called Anthropic's model 'Claude Mythos 2 Preview', but there is no version number.";
    expect(claims(refuted).map((c) => c.stance)).toEqual(['refutes']);
    expect(claims('據傳川普已在週一晚間簽署AI行政命令，但白宮尚未公布文本。').map((c) => c.stance)).toEqual(['reports']);
  });

  it('leaves a clause about a look-alike order to that order when the sentence does not name the subject', () => {
    const text =
      "Biden's EO 14110 of October 30, 2023 required developers of the most powerful models to report safety-test results to the government. EO 14409, by contrast, relies on voluntary sharing.";
    expect(flagged(text)).toEqual([]);
  });

  it("reads the next sentence's short denial and a refuting phrase after a report as corrections", () => {
    const stances = (text: string) => claims(text).map((c) => c.stance);
    expect(stances('Readers saw posts saying Trump signed the AI order on June 3. He didn’t; he signed it on Tuesday, June 2.')).toEqual([
      'refutes',
    ]);
    expect(
      stances(
        'A fundraising email said the IFS survey on the AI order showed "more than 80 percent of registered voters" in favour; the label has no basis in the write-up.',
      ),
    ).toEqual(['refutes']);
    expect(stances('一位資安業者說：「有客戶跟我講『Mythos已經全面開放』，我查過，根本不是這樣。」')).toEqual(['refutes']);
  });

  it('keeps a chain of pronouns on the subject named before it', () => {
    expect(
      flagged(
        "Anthropic's Claude Mythos 5 arrived on June 9 alongside a sibling model. The model drew immediate interest. It is now open to the general public.",
      ),
    ).toContain('claim-mythos-publicly-available');
  });

  it('reads "since May" after its event as the start of a span, not the event\'s date', () => {
    expect(
      flagged('Trump put pen to paper on Monday night, ending a fight over the AI executive order that had dragged on since May.'),
    ).not.toContain('claim-signed-in-may');
  });

  it("reads a newsroom's correction notice as a refutation of the error it corrects", () => {
    const notices = [
      'This story has been updated to correct the spelling of Treasury Secretary Scott Bessent\'s name, which appeared as "Bessant" in an earlier version, in the Mythos meeting.',
      'It previously gave the name of Anthropic\'s April model as "Claude Mythos 2 Preview"; the model is Claude Mythos Preview.',
      'An earlier version of this article referred to Jerome Powell as the current Fed chair in describing the April meeting on Mythos.',
    ];
    for (const text of notices) {
      expect(
        claims(text, { pageDate: '2026-06-20' }).map((c) => c.stance),
        text,
      ).toEqual(['refutes']);
    }
    // The same errors in a writer's own voice are still flagged.
    expect(flagged('Treasury Secretary Scott Bessant met bank chiefs about Mythos.')).toContain('claim-bessant-misspelling');
  });

  it('tells the signing from approving a text, a cancelled ceremony, a timestamp and a near miss', () => {
    const none = [
      'On Monday night Trump signed off on the final text of the AI order with his advisers; the signature itself came the following day.',
      "Tuesday's signing of the AI order came twelve days after the ceremony for the first version was scrubbed.",
      'Go back to the version of the AI executive order that nearly got signed in May and the contrast is stark.',
    ];
    for (const text of none) expect(flagged(text), text).toEqual([]);
    // A live blog's timestamp is when the entry was posted; "last night" and "this afternoon" resolve against the page's date.
    expect(
      flagged('Tuesday, 8:10 a.m. — Trump signed the AI order late last night in the Oval Office.', { pageDate: '2026-06-02' }),
    ).toEqual(['claim-signed-monday-night']);
    expect(flagged('Updated 4:40 p.m. ET. The president signed the AI order this afternoon.', { pageDate: '2026-06-03' })).toEqual([
      'claim-signed-june-3',
    ]);
  });

  it('does not read "deployed internally" as the launch, nor banking\'s AML/CFT as the order\'s CFT measures', () => {
    expect(
      flagged(
        'Anthropic first deployed Mythos internally on February 24, 2026, six weeks before it announced the model and Project Glasswing.',
      ),
    ).toEqual([]);
    expect(
      flagged('Treasury, better known to bankers for its AML/CFT supervision, picks up a new brief under the AI order: the clearinghouse.'),
    ).toEqual([]);
    expect(flagged('The AI executive order stalled over CFT rules that clashed with innovation.')).toEqual(['claim-cft-measures']);
    // Another country's rules are not the order's.
    expect(
      flagged(
        "China's interim measures on generative AI require security assessments for some services. Washington's new AI order takes the opt-in route.",
      ),
    ).toEqual([]);
  });

  it('dates each item of a rail by its own date, with the items on one line or bracketed dates first', () => {
    const rail =
      'Related: Fable 5 and Mythos 5 still offline as export ban bites (Jun 15) | Commerce lifts AI export controls (Jun 30) | Fable 5 is back (Jul 1)';
    expect(claims(rail, { pageDate: '2026-07-04' })).toContainEqual(
      expect.objectContaining({ id: 'claim-fable-mythos-still-offline', verdict: 'outdated', trueUntil: '2026-07-01' }),
    );
    const zh = '熱門文章\n・（5/21）川普喊停AI行政命令 科技業錯愕\n・（6/9）Anthropic推出Fable 5與Mythos 5';
    expect(claims(zh, { pageDate: '2026-06-20' })).toContainEqual(
      expect.objectContaining({ id: 'claim-order-halted-for-good', trueUntil: '2026-06-02' }),
    );
  });

  it('reads "cannot", "nothing in the order" and "off base" as refuting, and a negation in an attribute as none', () => {
    expect(claims("No, the government cannot block an AI release under Trump's order.").map((c) => c.stance)).toEqual(['refutes']);
    expect(
      claims(
        'Nothing in the AI order "shall be construed to authorize the creation of a mandatory governmental licensing requirement." So the talk of an AI licence is off base.',
      ).every((c) => c.stance === 'refutes'),
    ).toBe(true);
    expect(claims('The May draft of the AI order was not a mandatory review.').map((c) => c.stance)).toEqual(['refutes']);
    // 未签署的草案: "the unsigned draft", the draft's rule still stated; the signing itself is still denied.
    const zh = claims('在5月那份未签署的AI行政令草案里，企业推出新模型前必须先送政府审阅。');
    expect(zh).toContainEqual(expect.objectContaining({ id: 'claim-draft-required-preview', stance: 'asserts' }));
    expect(zh.filter((c) => c.id === 'claim-signed-in-may').map((c) => c.stance)).toEqual(['refutes']);
  });

  it('reads "no longer optional" as a mandate, and what critics want Congress to do as no claim about the order', () => {
    expect(flagged('Under the new AI order, pre-deployment cyber-risk assessment is no longer optional for top-tier AI systems.')).toEqual([
      'claim-mandatory-cyber-assessments',
    ]);
    expect(
      flagged('Some critics want Congress to go further than the AI executive order and write mandatory pre-release testing into law.'),
    ).toEqual([]);
  });

  it('does not let a denial of something else in the paragraph turn a report into a refutation', () => {
    const report = "TechCrunch reported that the AI order's signing slipped because tech CEOs were unable to make it to Washington.";
    expect(claims(`${report} Elon Musk, for his part, denied pressuring the White House.`)).toContainEqual(
      expect.objectContaining({ id: 'claim-ceo-absence-caused-delay', stance: 'reports' }),
    );
    expect(claims(`${report} That explanation has no basis.`).map((c) => c.stance)).toEqual(['refutes']);
  });

  it('reads ≠, "though … no version number" and "but that is only…" as corrections, "some accounts put" as a report', () => {
    expect(claims('Reminder: Glasswing ≠ a government program. Anthropic runs it.').map((c) => c.stance)).toEqual(['refutes']);
    expect(
      claims(
        "A conference slide labelled the model 'Claude Mythos 2 Preview', though Anthropic's own name for it carries no version number.",
      ).map((c) => c.stance),
    ).toEqual(['refutes']);
    expect(
      claims(
        'Some accounts put the Mythos briefing for bank CEOs on April 10, but that is only the day CNBC confirmed it; the gathering was called earlier in the week.',
      ).map((c) => c.stance),
    ).toEqual(['refutes']);
  });

  it('reads "available to approved partners" as restricted, and a bare weekday as a day in the week before the page', () => {
    expect(flagged('Mythos 5 is available to approved partners, and since July 1 Fable 5 is back for everyone else.')).toEqual([]);
    expect(flagged('Mythos goes public: Anthropic drops the waitlist for its strongest model')).toEqual([
      'claim-mythos-publicly-available',
    ]);
    // April 8, 2026 was a Wednesday, but "on Wednesday" on a June 25 page is June 24.
    const cable = "A cable segment on Mythos 5 on Wednesday introduced Anthropic's model to viewers.";
    expect(flagged(cable, { pageDate: '2026-06-25' })).not.toContain('claim-mythos-glasswing-announced-april-8');
  });

  it('reads a question with its answer: the answer states the claim, a bare "No" refutes the question, a "Yes" asserts it', () => {
    expect(
      flagged('Q: On what date did the president sign the AI executive order?\nA: Wednesday, June 3, with no guests present.'),
    ).toEqual(['claim-signed-june-3']);
    const asked = 'Q: Was the AI executive order signed on June 3?';
    expect(flagged(asked)).toEqual([]);
    expect(flagged(`${asked}\nA: No. The date on the order is June 2.`)).toEqual([]);
    expect(flagged(`${asked}\nA: Yes, late that evening.`)).toEqual(['claim-signed-june-3']);
    expect(flagged(`${asked}\nA: The White House has published the text.`)).toEqual([]);
  });

  it('carries the subject into a sentence that refers back after an opening phrase or as an object', () => {
    expect(flagged('Claude Mythos 5 arrived in June. Unlike the Preview, it is open to anyone who signs up for the Claude app.')).toEqual([
      'claim-mythos-publicly-available',
    ]);
    expect(flagged('Everyone talks about Claude Mythos Preview. Anthropic opened it to the general public last week.')).toEqual([
      'claim-mythos-publicly-available',
    ]);
  });

  it('reads "those timelines are wrong", 此说法并无根据 and 说法已经过时 in the next sentence or clause as refuting', () => {
    const stances = (text: string) => claims(text).map((c) => c.stance);
    expect(stances('Two recaps put the signing of EO 14409 on June 3. Those recaps are wrong: the order is dated June 2.')).not.toContain(
      'asserts',
    );
    expect(stances('有文章称这份AI行政令于6月3日签署。此说法并无根据，签署日是6月2日。')).not.toContain('asserts');
    expect(stances('「川普已永久取消AI行政命令」的說法已經過時，該命令已於6月2日簽署。')).not.toContain('asserts');
    expect(stances('April 10 is often cited as the date of the Mythos meeting with bank CEOs.')).toEqual(['reports']);
  });

  it('does not read 获得 as an obligation, nor Powell having given up the chair (卸下) as his title', () => {
    expect(flagged('白宫将协助开发者挑选可获得提前访问权限的合作方，这是AI行政令的一部分。')).toEqual([]);
    expect(flagged('鲍威尔已于5月15日卸下美联储主席一职；四月就Mythos约见银行高管时他仍在任。', { pageDate: '2026-07-01' })).toEqual([]);
  });

  it('reads "makes labs hand over", "give testers a look" and 得先讓政府測試 as a mandate to share, but not before the rewrite', () => {
    expect(flagged('The AI executive order makes frontier labs hand their systems to federal reviewers before launch.')).toEqual([
      'claim-developers-must-share',
    ]);
    expect(flagged('EO 14409 compels each frontier developer to give government evaluators an early look at new models.')).toEqual([
      'claim-developers-must-share',
    ]);
    // The characters of regex phrases fold from Traditional too (讓 → 让).
    expect(flagged('這項AI行政命令規定，業者推出新模型之前得先讓聯邦政府測試。')).toEqual(['claim-developers-must-share']);
    expect(
      flagged('Before the rewrite, the AI order compelled developers to give government testers a look; the final text made it optional.'),
    ).not.toContain('claim-developers-must-share');
  });

  it('reads "both" as the subjects of the sentence before, and "still runs the Federal Reserve" (执掌美联储) as the title', () => {
    expect(
      flagged('Anthropic shipped Claude Mythos 5 and Claude Fable 5 on June 9. Both were made generally available the same day.'),
    ).toContain('claim-mythos-publicly-available');
    const later = { pageDate: '2026-08-03' };
    expect(flagged('Jerome Powell, who still runs the Federal Reserve, has said little in public about Mythos.', later)).toEqual([
      'claim-powell-current-fed-chair',
    ]);
    expect(flagged('鲍威尔目前仍执掌美联储，他对Mythos一直少有公开表态。', later)).toEqual(['claim-powell-current-fed-chair']);
  });

  it('reads 是不对的 and the order\'s "nothing in it shall be construed" as refuting, "available on request" as restricted', () => {
    const stances = (text: string) => claims(text).map((c) => c.stance);
    expect(stances('说玻璃翼是美国政府的项目是不对的，它由Anthropic牵头。')).not.toContain('asserts');
    expect(flagged('The AI order says nothing in it shall be construed to create a licensing regime for AI models.')).toEqual([]);
    expect(flagged('Anthropic lists Claude Mythos Preview as available on request to vetted security teams.')).toEqual([]);
  });

  it('reads "compulsory cyber-risk audits" and "put pen to EO 14409" as the claims they state', () => {
    expect(flagged('Under EO 14409, frontier developers face compulsory cyber-risk audits before any launch.')).toEqual([
      'claim-mandatory-cyber-assessments',
    ]);
    expect(flagged('Trump put pen to EO 14409 on June 3, with no guests in the room.')).toEqual(['claim-signed-june-3']);
  });

  it('carries the subject into "Instead the initiative…" and "…never brought it back"', () => {
    expect(
      flagged(
        'The AI executive order was meant to anchor the cyber agenda. Instead the initiative died when the president called off the signing and never brought it back.',
        { pageDate: '2026-07-10' },
      ),
    ).toEqual(['claim-order-halted-for-good']);
  });

  it('reads an answer that names the question\'s subjects on its own, and 前夜 (the eve) as no "former"', () => {
    expect(
      flagged('Q: Is it really voluntary?\nA: Not in practice: the AI executive order sets up a licensing regime for frontier labs.'),
    ).toEqual(['claim-licensing-regime']);
    expect(flagged('6月1日，AI行政令签署前夜，特朗普的AI沙皇萨克斯打电话参与了讨论。', { pageDate: '2026-06-05' })).toEqual([
      'claim-sacks-current-ai-czar',
    ]);
  });

  it('knows colloquial Chinese for public access and review (開放大眾使用, 給NSA看過) and 資訊分享中心', () => {
    expect(flagged('Claude Mythos终于开放大众使用了，注册就能玩。')).toEqual(['claim-mythos-publicly-available']);
    expect(flagged('按這份AI行政命令，以後每個新AI模型上線前都要先給NSA看過。')).toEqual(['claim-nsa-reviews-all-models']);
    expect(flagged('AI行政令规定，网络安全资讯分享中心由CISA负责设立。')).toEqual(['claim-cisa-runs-clearinghouse']);
  });

  it('survives bad input: long, mixed-script, full-width, nested quotes, tables', () => {
    const long = 'The AI executive order '.repeat(2_000) + 'was signed on June 3.';
    expect(() => claims(long)).not.toThrow();
    expect(flagged('特朗普於２０２６年６月３日簽署ＡＩ行政命令。')).toContain('claim-signed-june-3');
    expect(() => claims('He said: "She said \'the AI order was \\"signed\\" on June 3\'" — 😀\tEO 14409\u00a0|\u3000表格')).not.toThrow();
    expect(flagged('Nothing here mentions a subject, though it says signed on June 3.')).toEqual([]);
  });
});
