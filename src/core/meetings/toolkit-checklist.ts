/**
 * The London VRU serious incident toolkit's checklist (seed 002) as data, so a
 * meeting can be run item by item in the channel and the minutes follow the
 * same headings. Item texts are the seed's own words; sub-headings inside a
 * section ("Scene management") are folded into the item they introduce, and
 * the guidance line under "Hold critical incident/key partners meeting" is kept
 * as its hint. The review section's checklist row only says "Evaluate impact of
 * response"; its second item is the toolkit's own review guidance on key dates.
 */
export interface ChecklistItemDef {
  id: string;
  text: string;
  hint?: string;
}

export interface ChecklistSectionDef {
  id: string;
  title: string;
  items: readonly ChecklistItemDef[];
}

export const TOOLKIT_SECTIONS: readonly ChecklistSectionDef[] = [
  {
    id: 'incident-reporting',
    title: 'Incident reporting',
    items: [
      {
        id: 'notification-source',
        text: 'Where has the critical incident notification come from - police including British Transport Police, fire brigade, children or adults social care, voluntary sector or community',
      },
      { id: 'stakeholders-informed', text: 'Ensure all key stakeholders have been/are being informed' },
      { id: 'immediate-response', text: 'Ensure immediate response is in place' },
      {
        id: 'scene-managed',
        text: 'Ensure the scene(s) identified are being managed',
        hint: 'Scene management',
      },
      {
        id: 'messages-shared',
        text: 'Ensure appropriate messages are being shared with partners and relevant communities',
      },
    ],
  },
  {
    id: 'incident-categorisation',
    title: 'Incident categorisation',
    items: [
      { id: 'management-meeting', text: 'Does the incident require an Incident Management Meeting?' },
      {
        id: 'serious-violence',
        text: 'Is the incident a Serious Violence Incident? See page 8 for definition',
      },
      { id: 'categorised', text: 'Ensure incident has been categorised appropriately' },
      { id: 'who-leads', text: 'Who is leading the incident response?' },
      { id: 'lead-identified', text: 'Has the appropriate lead been identified?' },
      { id: 'partners-identified', text: 'Have all partners been identified?' },
      {
        id: 'response-coordinated',
        text: 'Has a response been coordinated across key partners, including community representatives?',
      },
      { id: 'cross-borough', text: 'Does the response need to be cross- borough?' },
      {
        id: 'partners-meeting',
        text: 'Hold critical incident/key partners meeting',
        hint: 'Attendees, format and timing of meeting varies depending on incident categorisation',
      },
    ],
  },
  {
    id: 'response-plan',
    title: 'Develop and implement response plan',
    items: [
      { id: 'plan-assigned', text: 'Develop plan and assign responsibilities' },
      {
        id: 'mediation-patrols',
        text: 'Put in place mediation, deploy patrols - consider outreach engagement work',
      },
      { id: 'witness-appeals', text: 'Undertake appeals for witnesses' },
      {
        id: 'cctv',
        text: "Brief CCTV control to support incident - monitor and review CCTV footage and ensure it's preservation and ensure it is supplied in a timely manner",
      },
      { id: 'victim-support', text: 'Provide victim support/bereavement support as appropriate' },
      { id: 'review-plan', text: 'Review progress and update plan as needed' },
    ],
  },
  {
    id: 'communications',
    title: 'Communications planning and implementation',
    items: [
      { id: 'comms-lead', text: 'Identify the lead agency for communications' },
      {
        id: 'consistent-messaging',
        text: 'Ensure clear, consistent, factual messaging about the incident, from all partners',
      },
      { id: 'press-statement', text: 'Develop ongoing press/social media statement' },
      {
        id: 'phased-plan',
        text: 'Ensure phased communications plan is developed - with weekly updates etc',
      },
      { id: 'channels', text: 'Agree key communication channels' },
      { id: 'social-media', text: 'Monitor social media' },
    ],
  },
  {
    id: 'health-planning',
    title: 'Health planning',
    items: [
      { id: 'health-partners', text: 'Identify key health partners (hospital, GP and public health)' },
      { id: 'discharge-plans', text: 'Discuss discharge plans' },
      { id: 'visitors-needs', text: "Consider victim's visitors needs" },
    ],
  },
  {
    id: 'community-liaison',
    title: 'Community liaison',
    items: [
      { id: 'community-leaders', text: 'Liaise with community leaders' },
      { id: 'community-meeting', text: 'Hold community meeting/community hub' },
      {
        id: 'local-visits',
        text: 'Visit local businesses, community organisations and faith organisations',
      },
      { id: 'support-services', text: 'Offer support services to those affected' },
      { id: 'tensions', text: 'Monitor tensions and call for support in prevention work' },
      { id: 'memorials', text: 'Manage memorials and tributes' },
      {
        id: 'trauma-signs',
        text: 'Keep alert to signs of trauma amongst victims, family, wider community and staff',
      },
    ],
  },
  {
    id: 'relationship-mapping',
    title: 'Relationship mapping',
    items: [
      { id: 'family-liaison', text: 'Appoint Family Liaison Officer or equivalent - if necessary' },
      { id: 'friends-family', text: 'Identify friends and family' },
      { id: 'safeguarding', text: 'Identify and address safeguarding concerns' },
      {
        id: 'wider-implications',
        text: 'Consider implications relating to social care, housing, friendship groups',
      },
    ],
  },
  {
    id: 'education-engagement',
    title: 'Education engagement',
    items: [
      { id: 'alert-schools', text: 'Alert schools of victims, perpetrators, witnesses etc' },
      { id: 'school-plan', text: 'Support schools with critical incident plan' },
      { id: 'therapeutic-services', text: 'Deploy therapeutic services to schools' },
    ],
  },
  {
    id: 'review',
    title: 'Review and ongoing management',
    items: [
      { id: 'evaluate-impact', text: 'Evaluate impact of response' },
      {
        id: 'key-dates',
        text: 'Be aware of key dates - birthdays, anniversaries, court proceedings, and have a plan in place to support these dates',
      },
    ],
  },
];

/** The section run at review and final meetings, alongside Signs of Safety. */
export const REVIEW_SECTION_ID = 'review';

export function findSection(sectionId: string): ChecklistSectionDef | undefined {
  return TOOLKIT_SECTIONS.find((s) => s.id === sectionId);
}
