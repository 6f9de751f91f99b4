mod tpkt;
