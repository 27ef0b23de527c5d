/**
 * Clues (线索): suspected violations found on patrol or reported, each with the analysis of its outline, its
 * evidence (the observations and photos behind it) and its status. A patch observed again at the same place is linked
 * to the open clue there instead of making a new one. New clues are announced as events (and to an optional webhook).
 */
package org.gengbao.server.clues;
