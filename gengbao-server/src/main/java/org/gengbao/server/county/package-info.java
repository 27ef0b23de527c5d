/**
 * The county being served: its administrative code, name and working coordinate system (the Gauss-Krüger zone every
 * layer and analysis uses). One county per installation.
 */
package org.gengbao.server.county;
