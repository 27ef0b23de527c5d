/** Spring-free geometry core of Gengbao. */
package org.gengbao.spatial;
