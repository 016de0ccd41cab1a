// A cmi5 LMS with its LRS, a stand-in: no real LMS or LRS runs here. It plays what the cmi5
// spec (Quartz) asks of an LMS, as the routes of tests/lms/server.mjs:
// - imports a course package's cmi5.xml (read with xmllint; the spec's XSD is not on this machine,
//   so the course structure's required parts and their order are checked one by one);
// - launches the AU (section 8): LMS.LaunchData in the State API, a "launched" statement, a
//   one-time fetch URL for the token, the five launch parameters in the URL; a new launch while
//   a session is open abandons it;
// - answers the xAPI resources the AU uses (statements, activities/state, agents/profile, about);
// - checks every request and statement of the AU against the spec's rules (sections 7, 8.2, 9,
//   10 and 11) and keeps each broken rule as a sentence in `violations()`.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';

const NAMESPACE = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';
const VERB = (name) => `http://adlnet.gov/expapi/verbs/${name}`;
const ABANDONED = 'https://w3id.org/xapi/adl/verbs/abandoned';
const CATEGORY_CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const CATEGORY_MOVE_ON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const EXTENSION = (name) => `https://w3id.org/xapi/cmi5/context/extensions/${name}`;
const AU_VERBS = ['initialized', 'completed', 'passed', 'failed', 'terminated'].map(VERB);
const ISO_DURATION = /^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/;

// The course structure of cmi5.xml: its one AU's id, url and rules. Throws on anything missing.
export function readCourseStructure(path) {
  const xpath = (expression) => execFileSync('xmllint', ['--xpath', expression, path], { encoding: 'utf8' }).trim();
  const element = (name) => `*[local-name()='${name}' and namespace-uri()='${NAMESPACE}']`;
  if (xpath(`count(/${element('courseStructure')})`) !== '1') throw new Error('cmi5.xml: no courseStructure in the cmi5 namespace');
  const course = `/${element('courseStructure')}/${element('course')}`;
  const au = `/${element('courseStructure')}/${element('au')}`;
  if (xpath(`count(${au})`) !== '1') throw new Error('cmi5.xml: expected one au');
  for (const [where, what] of [[course, 'course'], [au, 'au']]) {
    if (!xpath(`string(${where}/@id)`)) throw new Error(`cmi5.xml: the ${what} has no id`);
    for (const part of ['title', 'description']) {
      if (!xpath(`string(${where}/${element(part)}/${element('langstring')}/@lang)`)) {
        throw new Error(`cmi5.xml: the ${what}'s ${part} has no langstring with a lang`);
      }
    }
  }
  const order = Array.from({ length: Number(xpath(`count(${au}/*)`)) }, (_, i) => xpath(`local-name(${au}/*[${i + 1}])`));
  if (order.slice(0, 2).join() !== 'title,description' || order.indexOf('url') < 2) {
    throw new Error(`cmi5.xml: the au's elements are out of order: ${order.join(', ')}`);
  }
  const masteryText = xpath(`string(${au}/@masteryScore)`);
  return {
    courseId: xpath(`string(${course}/@id)`),
    auId: xpath(`string(${au}/@id)`),
    url: xpath(`string(${au}/${element('url')})`),
    moveOn: xpath(`string(${au}/@moveOn)`) || 'NotApplicable',
    masteryScore: masteryText === '' ? undefined : Number(masteryText),
    launchMethod: xpath(`string(${au}/@launchMethod)`) || 'AnyWindow',
  };
}

export function createCmi5Lms({ course, prefix = '/cmi5/' }) {
  const registrations = new Map();  // learner -> {registration, actor}
  const sessions = new Map();       // session id -> {learner, token, fetched, mode, ...}
  const states = new Map();         // JSON key of the document's address -> document text
  const statements = [];            // every statement kept, with who sent it
  const problems = [];              // rules broken on arrival: {learner (null: no session), text}
  const profileReads = new Set();   // sessions that read cmi5LearnerPreferences

  const stateKey = (query) => JSON.stringify([query.activityId, JSON.parse(query.agent || 'null'), query.registration || null, query.stateId]);
  const agentOf = (learner) => ({ objectType: 'Agent', name: learner, account: { homePage: 'https://lms.example', name: learner } });

  function keep(statement, session, by) {
    statement.id = statement.id || randomUUID();
    statement.stored = new Date().toISOString();
    statements.push({ statement, session, by });
  }

  function lmsStatement(session, verb, extensions = {}) {
    keep({
      actor: session.actor, verb: { id: verb }, timestamp: new Date().toISOString(),
      object: { objectType: 'Activity', id: session.activityId },
      context: { registration: session.registration,
                 contextActivities: { category: [{ id: CATEGORY_CMI5 }], grouping: [{ id: course.auId }] },
                 extensions: { [EXTENSION('sessionid')]: session.id, ...extensions } },
    }, session, 'lms');
  }

  // A launch as the spec's section 8.1: the URL the LMS opens (AnyWindow: the test's page).
  function launch({ learner, auBase, mode = 'Normal', returnURL }) {
    if (!registrations.has(learner)) registrations.set(learner, { registration: randomUUID(), actor: agentOf(learner) });
    const { registration, actor } = registrations.get(learner);
    for (const open of sessions.values()) {
      if (open.registration === registration && !open.ended) {
        open.ended = 'abandoned';
        lmsStatement(open, ABANDONED);
      }
    }
    const session = { id: randomUUID(), learner, registration, actor, activityId: course.auId, mode,
                      token: Buffer.from(`${learner}:${randomUUID()}`).toString('base64'), fetched: 0, ended: null };
    sessions.set(session.id, session);
    const launchData = {
      contextTemplate: { contextActivities: { grouping: [{ objectType: 'Activity', id: course.auId }] },
                         extensions: { [EXTENSION('sessionid')]: session.id } },
      launchMode: mode, launchMethod: course.launchMethod, moveOn: course.moveOn,
      ...(course.masteryScore !== undefined ? { masteryScore: course.masteryScore } : {}),
      ...(returnURL ? { returnURL } : {}),
    };
    states.set(stateKey({ activityId: course.auId, agent: JSON.stringify(actor), registration, stateId: 'LMS.LaunchData' }),
               JSON.stringify(launchData));
    const auUrl = new URL(course.url, auBase).href;
    lmsStatement(session, VERB('launched'), {
      [EXTENSION('launchmode')]: mode, [EXTENSION('launchurl')]: auUrl, [EXTENSION('moveon')]: course.moveOn,
      ...(course.masteryScore !== undefined ? { [EXTENSION('masteryscore')]: course.masteryScore } : {}),
    });
    const origin = new URL(auBase).origin;
    const parameters = new URLSearchParams({
      endpoint: `${origin}${prefix}xapi/`, fetch: `${origin}${prefix}fetch?session=${session.id}`,
      actor: JSON.stringify(actor), registration, activityId: course.auId,
    });
    return { url: `${auUrl}?${parameters}`, session: session.id };
  }

  // The content rules one statement of the AU must keep (sections 9.2 to 9.7).
  function checkStatement(statement, session) {
    const broken = [];
    const verb = (statement.verb && statement.verb.id) || '';
    const context = statement.context || {};
    const category = ((context.contextActivities || {}).category || []).map((activity) => activity.id);
    const grouping = ((context.contextActivities || {}).grouping || []).map((activity) => activity.id);
    const result = statement.result || {};
    const defined = category.includes(CATEGORY_CMI5);
    if (!isDeepStrictEqual(statement.actor, session.actor)) broken.push('its actor is not the launch\'s');
    if (context.registration !== session.registration) broken.push('its registration is not the launch\'s');
    if ((context.extensions || {})[EXTENSION('sessionid')] !== session.id) broken.push('it lacks the session id');
    if (!grouping.includes(course.auId)) broken.push('it lacks the publisher id in grouping');
    if (!statement.timestamp || Number.isNaN(Date.parse(statement.timestamp)) || !/(Z|[+-]00:?00)$/.test(statement.timestamp)) {
      broken.push('its timestamp is missing or not UTC');
    }
    if (!defined) return broken;  // "cmi5 allowed": only the context and the session's order apply
    if (!AU_VERBS.includes(verb)) broken.push('an AU may not send it as cmi5 defined');
    if (!statement.object || statement.object.id !== session.activityId) broken.push('its object is not the AU');
    const judged = 'success' in result || 'completion' in result;
    if (judged !== category.includes(CATEGORY_MOVE_ON)) broken.push('the moveOn category is wrong for its result');
    const name = verb.split('/').pop();
    if (['completed', 'passed', 'failed', 'terminated'].includes(name) && !ISO_DURATION.test(result.duration || '')) {
      broken.push('it has no ISO 8601 duration');
    }
    if (['completed', 'passed', 'failed'].includes(name) && session.mode !== 'Normal') broken.push(`it was sent in ${session.mode} mode`);
    if ((name === 'completed') !== (result.completion === true)) {
      if (name === 'completed' || 'completion' in result) broken.push('completion is wrong');
    }
    if (name === 'passed' && result.success !== true) broken.push('passed needs success true');
    if (name === 'failed' && result.success !== false) broken.push('failed needs success false');
    if (!['passed', 'failed'].includes(name) && ('success' in result || 'score' in result)) broken.push('only passed and failed have a success or score');
    if (['passed', 'failed'].includes(name) && course.masteryScore !== undefined) {
      const scaled = result.score && result.score.scaled;
      if (typeof scaled === 'number' && (name === 'passed') !== (scaled >= course.masteryScore)) broken.push('its score disagrees with masteryScore');
      if ((context.extensions || {})[EXTENSION('masteryscore')] !== course.masteryScore) broken.push('it lacks the masteryscore extension');
    }
    const score = result.score;
    if (score) {
      if ('scaled' in score && !(score.scaled >= 0 && score.scaled <= 1)) broken.push('its scaled score is outside 0..1');
      if ('raw' in score && !(Number.isInteger(score.raw) && score.raw >= score.min && score.raw <= score.max)) {
        broken.push('its raw score is not a whole number between min and max');
      }
    }
    return broken;
  }

  // The order rules (section 9.3), by timestamp: within each session and within a registration.
  function orderViolations(learner) {
    const found = [];
    const bySession = new Map();
    for (const entry of statements.filter((kept) => kept.by === 'au' && kept.session.learner === learner)) {
      if (!bySession.has(entry.session.id)) bySession.set(entry.session.id, []);
      bySession.get(entry.session.id).push(entry);
    }
    const sentInRegistration = new Map();
    const sessionsInOrder = [...bySession.values()].sort((a, b) => Date.parse(a[0].statement.timestamp) - Date.parse(b[0].statement.timestamp));
    for (const entries of sessionsInOrder) {
      const session = entries[0].session;
      const ordered = entries.map((entry, arrival) => ({ ...entry, arrival }))
        .sort((a, b) => Date.parse(a.statement.timestamp) - Date.parse(b.statement.timestamp) || a.arrival - b.arrival);
      const verbs = ordered.map((entry) => entry.statement.verb.id.split('/').pop());
      const definedVerbs = ordered.filter((entry) => entry.statement.context.contextActivities.category?.some((c) => c.id === CATEGORY_CMI5))
        .map((entry) => entry.statement.verb.id.split('/').pop());
      const where = `session ${session.id.slice(0, 8)} of ${session.learner}`;
      if (verbs[0] !== 'initialized') found.push(`${where}: the first statement is ${verbs[0]}, not initialized`);
      const terminated = verbs.indexOf('terminated');
      if (terminated >= 0 && terminated !== verbs.length - 1) found.push(`${where}: ${verbs[terminated + 1]} after terminated`);
      const duplicated = definedVerbs.filter((verb, i) => definedVerbs.indexOf(verb) !== i);
      if (duplicated.length) found.push(`${where}: ${duplicated.join(', ')} sent twice`);
      if (definedVerbs.includes('passed') && definedVerbs.includes('failed')) found.push(`${where}: both passed and failed`);
      if (!profileReads.has(session.id)) found.push(`${where}: cmi5LearnerPreferences was never read`);
      const sent = sentInRegistration.get(session.registration) || [];
      for (const verb of definedVerbs) {
        if ((verb === 'completed' || verb === 'passed') && sent.includes(verb)) found.push(`${where}: ${verb} again in the registration`);
        if (verb === 'failed' && sent.includes('passed')) found.push(`${where}: failed after passed in the registration`);
        sent.push(verb);
      }
      sentInRegistration.set(session.registration, sent);
    }
    return found;
  }

  const json = (response, status, value) => {
    response.writeHead(status, { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3', 'Cache-Control': 'no-store' });
    response.end(value === undefined ? '' : JSON.stringify(value));
  };

  // The session a request's Authorization belongs to, or null (a problem is kept).
  function authorized(request, what) {
    const header = request.headers.authorization || '';
    const session = [...sessions.values()].find((candidate) => header === `Basic ${candidate.token}` && candidate.fetched);
    // No valid token is refused (401), as an LRS does; the AU's statements never get in.
    if (session && !String(request.headers['x-experience-api-version'] || '').startsWith('1.0')) {
      problems.push({ learner: session.learner, text: `${what}: no X-Experience-API-Version 1.0.x` });
    }
    return session || null;
  }

  function receiveStatements(session, body) {
    let sent;
    try { sent = JSON.parse(body); } catch { problems.push({ learner: session.learner, text: 'a statement that is not JSON' }); return []; }
    const list = Array.isArray(sent) ? sent : [sent];
    for (const statement of list) {
      const name = statement.verb && statement.verb.id;
      if (session.ended === 'abandoned') problems.push({ learner: session.learner, text: `${name} after the LMS abandoned the session` });
      for (const rule of checkStatement(statement, session)) problems.push({ learner: session.learner, text: `${name}: ${rule}` });
      keep(statement, session, 'au');
      if (name === VERB('terminated')) session.ended = 'terminated';
    }
    return list.map((statement) => statement.id);
  }

  const routes = {
    [`${prefix}fetch`]: (request, response) => {
      const session = sessions.get(new URL(request.url, 'http://x').searchParams.get('session'));
      if (request.method !== 'POST') problems.push({ learner: session ? session.learner : null, text: `the fetch URL was called with ${request.method}, not POST` });
      if (!session) return json(response, 200, { 'error-code': '2', 'error-text': 'No such session.' });
      session.fetched += 1;
      if (session.fetched > 1) {
        problems.push({ learner: session.learner, text: `the fetch URL was called ${session.fetched} times in one session` });
        return json(response, 200, { 'error-code': '1', 'error-text': 'The authorization token has already been returned.' });
      }
      return json(response, 200, { 'auth-token': session.token });
    },
    [`${prefix}xapi/about`]: (request, response) => json(response, 200, { version: ['1.0.3'] }),
    [`${prefix}xapi/statements`]: (request, response, body) => {
      const session = authorized(request, 'statements');
      if (!session) return json(response, 401, { error: 'unauthorized' });
      if (request.method !== 'POST' && request.method !== 'PUT') return json(response, 405, { error: request.method });
      const ids = receiveStatements(session, body);
      return request.method === 'PUT' ? json(response, 204) : json(response, 200, ids);
    },
    [`${prefix}xapi/activities/state`]: (request, response, body) => {
      const session = authorized(request, 'activities/state');
      if (!session) return json(response, 401, { error: 'unauthorized' });
      const query = Object.fromEntries(new URL(request.url, 'http://x').searchParams);
      const key = stateKey(query);
      if (request.method === 'GET') {
        return states.has(key) ? json(response, 200, JSON.parse(states.get(key))) : json(response, 404, { error: 'no such document' });
      }
      if (query.stateId === 'LMS.LaunchData') {
        problems.push({ learner: session.learner, text: `the AU tried to ${request.method} LMS.LaunchData` });
        return json(response, 403, { error: 'LMS.LaunchData is the LMS\'s' });
      }
      if (request.method === 'PUT') states.set(key, body);
      else if (request.method === 'POST') states.set(key, JSON.stringify({ ...JSON.parse(states.get(key) || '{}'), ...JSON.parse(body) }));
      else if (request.method === 'DELETE') states.delete(key);
      return json(response, 204);
    },
    [`${prefix}xapi/agents/profile`]: (request, response) => {
      const session = authorized(request, 'agents/profile');
      if (!session) return json(response, 401, { error: 'unauthorized' });
      if (new URL(request.url, 'http://x').searchParams.get('profileId') !== 'cmi5LearnerPreferences') return json(response, 404, {});
      profileReads.add(session.id);
      return json(response, 200, { languagePreference: 'en-US', audioPreference: 'off' });
    },
  };

  return {
    routes,
    launch,
    // The AU's statements of one learner (oldest first), as verbs or whole.
    statementsOf: (learner) => statements.filter((entry) => entry.by === 'au' && entry.session.learner === learner)
      .map((entry) => entry.statement),
    verbsOf(learner) { return this.statementsOf(learner).map((statement) => statement.verb.id.split('/').pop()); },
    stateOf(learner, stateId) {
      const { registration, actor } = registrations.get(learner);
      const text = states.get(stateKey({ activityId: course.auId, agent: JSON.stringify(actor), registration, stateId }));
      return text === undefined ? undefined : JSON.parse(text);
    },
    // moveOn met (the LMS would send "satisfied"): CompletedAndPassed and the others.
    satisfied(learner) {
      const verbs = this.verbsOf(learner);
      return { NotApplicable: true, Completed: verbs.includes('completed'), Passed: verbs.includes('passed'),
               CompletedAndPassed: verbs.includes('completed') && verbs.includes('passed'),
               CompletedOrPassed: verbs.includes('completed') || verbs.includes('passed') }[course.moveOn];
    },
    // Every rule the AU broke for this learner (and any request that named no session).
    violations: (learner) => [...problems.filter((problem) => problem.learner === learner || problem.learner === null).map((problem) => problem.text),
                              ...orderViolations(learner)],
    // For the stand-in's own test: a statement as if the AU of `session` had sent it.
    receiveForTest: (sessionId, statement) => receiveStatements(sessions.get(sessionId), JSON.stringify(statement)),
    markFetchedForTest: (sessionId) => { sessions.get(sessionId).fetched = 1; profileReads.add(sessionId); },
  };
}
