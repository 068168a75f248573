#ifndef RENKEI_CGRAPHVIZ_SHIM_H
#define RENKEI_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/* cgraph's agtail/aghead and object kinds are macros, which Swift cannot import. */
static inline Agnode_t *renkei_agtail(Agedge_t *e) { return agtail(e); }
static inline Agnode_t *renkei_aghead(Agedge_t *e) { return aghead(e); }
/* A node's centre and the graph's bounding box after gvLayout (points, y up); macros over AGDATA. */
static inline pointf renkei_nd_coord(Agnode_t *n) { return ND_coord(n); }
static inline boxf renkei_gd_bb(Agraph_t *g) { return GD_bb(g); }
static const int RENKEI_AGRAPH = AGRAPH;
static const int RENKEI_AGNODE = AGNODE;
static const int RENKEI_AGEDGE = AGEDGE;
#endif
