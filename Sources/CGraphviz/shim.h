#ifndef RENKEI_CGRAPHVIZ_SHIM_H
#define RENKEI_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#endif
