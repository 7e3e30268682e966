/** The card host's element name (in the scan bundle: leftovers.ts looks for it without loading the card). */
export const CARD_TAG = 'ff-card-host';
