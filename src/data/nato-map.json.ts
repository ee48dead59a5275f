// The NATO map's shapes, projected (contract: src/lib/contracts.ts natoMapSchema): Natural Earth via world-atlas.
import {emitJson} from "../../loaders/emit.ts";
import {buildNatoMap} from "../../loaders/geo.ts";

emitJson(buildNatoMap);
